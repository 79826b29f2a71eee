// Row 4r alone (npx tsx bench/signin-rush-run.ts): the sign-in rush on a fresh server, without the
// 200 sessions and loops of case 4 before it, to compare changes to the sign-in path quickly.
// BENCH_RUSH=N browsers (200); BENCH_NODE_ARGS as for npm run bench (e.g. --cpu-prof).
import os from "node:os";
import { execFileSync } from "node:child_process";
import { getPool } from "@/lib/imap/session-pool";
import { signInRush } from "./cases/signin-rush";
import { PREFERRED_PORT, ROOT } from "./config";
import { configureLibForLab } from "./imap";
import { labInfo, labUp } from "./lab";
import { freePort, startPostern } from "./postern-server";
import { textTable } from "./report";

async function main(): Promise<void> {
  execFileSync("bash", ["scripts/build-if-needed.sh"], { cwd: ROOT, stdio: "inherit" });
  labUp();
  const lab = labInfo();
  configureLibForLab(lab);
  const load0 = os.loadavg()[0];
  const server = await startPostern(lab, await freePort(PREFERRED_PORT));
  try {
    const count = Number(process.env.BENCH_RUSH ?? 200);
    const { rows, browsers } = await signInRush({ origin: server.origin, count, firstAddress: 300, serverPid: server.pid, dovecotPid: lab.dovecotPid });
    for (const b of browsers) b.close();
    console.log(textTable(rows));
    for (const r of rows) console.log(JSON.stringify(r.details));
    console.log(`load average (1 min) at start ${load0.toFixed(2)}, at end ${os.loadavg()[0].toFixed(2)}`);
  } finally {
    await server.stop();
    await getPool().closeAll();
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error("rush failed:", e);
    process.exit(1);
  },
);
