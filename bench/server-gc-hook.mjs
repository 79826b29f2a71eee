// Preloaded into the Postern server only by the benchmark (node --expose-gc --import this file):
// SIGUSR2 runs full garbage collections and writes process.memoryUsage() to $BENCH_MEMORY_FILE,
// so the memory case reads the memory of live objects rather than of whatever garbage earlier
// requests left. Plain JS because node loads it directly, before and outside Next.js.
import fs from "node:fs";

process.on("SIGUSR2", () => {
  globalThis.gc?.();
  globalThis.gc?.(); // a second pass frees what the first one's finalizers released
  const file = process.env.BENCH_MEMORY_FILE;
  if (!file) return;
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(process.memoryUsage()));
  fs.renameSync(`${file}.tmp`, file); // the bench polls for the file: it must never see half of it
});
