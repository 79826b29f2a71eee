// The long run of the malformed-mail test (lib/mime/fuzz.test.ts runs a fixed 400 in CI):
//   npm run fuzz:mime -- --count 20000 --seed 42
// Prints the slowest messages and stops at the first one that throws or exceeds the time bound,
// with its label (seed, fixture, mutations) so it can be replayed.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { mutants, pathologicalMessages } from "../lib/mime/fuzz-messages";
import { buildMessageView } from "../lib/mime/message-view";
import { parseMessage } from "../lib/mime/parse-message";

const { values } = parseArgs({ options: { count: { type: "string", default: "5000" }, seed: { type: "string", default: String(Date.now() % 1e9) }, "max-ms": { type: "string", default: "20000" } } });
const count = Number(values.count);
const seed = Number(values.seed);
const maxMs = Number(values["max-ms"]);
const dir = path.resolve(import.meta.dirname, "../tests/fixtures/mime");
const seeds = fs.readdirSync(dir).filter((f) => f.endsWith(".eml")).map((f) => ({ name: f, bytes: fs.readFileSync(path.join(dir, f)) }));

const slowest: { label: string; ms: number }[] = [];
const started = Date.now();
let done = 0;
for (const m of [...pathologicalMessages(), ...mutants(seeds, count, seed)]) {
  const t = performance.now();
  try {
    const parsed = await parseMessage(m.bytes);
    buildMessageView(parsed, { allowRemoteContent: false });
  } catch (e) {
    console.error(`THREW on ${m.label} (seed ${seed}):`, e);
    process.exit(1);
  }
  const ms = performance.now() - t;
  if (ms > maxMs) {
    console.error(`TOO SLOW: ${m.label} (seed ${seed}) took ${ms.toFixed(0)} ms`);
    process.exit(1);
  }
  slowest.push({ label: m.label, ms });
  slowest.sort((a, b) => b.ms - a.ms).splice(5);
  if (++done % 1000 === 0) console.log(`${done} messages, ${((Date.now() - started) / 1000).toFixed(0)} s, heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MB`);
}
console.log(`fuzz:mime seed ${seed}: ${done} messages in ${((Date.now() - started) / 1000).toFixed(1)} s, none threw; slowest:`);
for (const s of slowest) console.log(`  ${s.ms.toFixed(0).padStart(6)} ms  ${s.label}`);
