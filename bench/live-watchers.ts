// Cost of live updates per watching user: `npx tsx --expose-gc bench/live-watchers.ts` (as root,
// after `source` of the lab's ports; BENCH_WATCHERS=50 by default). Opens N watchers in this
// process, as N signed-in users with a tab open would, each IDLE in INBOX on its own connection,
// and reads this process's memory and file descriptors and the Dovecot processes before and after;
// then delivers one message to all of them and times the fan-out to every watcher's "changed".
// The watchers all use the bench account load@example.test (one watcher per registry key, each
// from its own forwarded address so Dovecot's per-user-and-address limit is not the one measured).
import fs from "node:fs";
import path from "node:path";
import { labInfo, labUp } from "./lab";
import { rssKiB, treeUsage } from "./procfs";
import { ROOT } from "./config";

const N = Number(process.env.BENCH_WATCHERS ?? 50);
const LOAD = { email: "load@example.test", password: "load-pass" };
const MiB = 2 ** 20;

labUp();
const lab = labInfo();
process.env.IMAP_PORT = String(lab.imapPort);
process.env.SMTP_PORT = process.env.LAB_SUBMISSION_PORT ?? "3587";
process.env.MAIL_CA_FILE = lab.caCert;
process.env.POSTERN_DATA_DIR ??= path.join(ROOT, "data/bench/live");

const { WatchRegistry } = await import("@/lib/live/watch-registry");
const { getConfig } = await import("@/lib/env");
const { createSmtpTransport } = await import("@/lib/smtp/transport");
const { connectImap } = await import("@/lib/imap/session-pool");

const gc = (globalThis as { gc?: () => void }).gc;
const fds = () => fs.readdirSync("/proc/self/fd").length;
async function snapshot() {
  gc?.();
  await new Promise((r) => setTimeout(r, 500));
  const mem = process.memoryUsage();
  const dovecot = lab.dovecotPid ? treeUsage(lab.dovecotPid) : null;
  return { rss: (rssKiB(process.pid) ?? 0) * 1024, heap: mem.heapUsed, external: mem.external, fds: fds(), dovecot };
}

function waitAll(counts: number[], want: (c: number) => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const check = () => {
      if (counts.every(want)) return resolve();
      if (Date.now() > deadline) return reject(new Error(`${what}: ${counts.filter(want).length}/${counts.length} within ${timeoutMs} ms`));
      setTimeout(check, 10);
    };
    check();
  });
}

const registry = new WatchRegistry(N + 1);
const before = await snapshot();
const watching = new Array<number>(N).fill(0);
const changed = new Array<number>(N).fill(0);
const changedAt = new Array<number>(N).fill(0);
const stops: (() => void)[] = [];
const t0 = Date.now();
for (let i = 0; i < N; i++) {
  const identity = { sessionId: `bench-${i}`, credentials: { user: LOAD.email, pass: LOAD.password }, clientIp: `127.0.2.${(i % 250) + 1}` };
  stops.push(
    registry.subscribe(`watcher-${i}`, identity, {
      folder: "INBOX",
      send: (e) => {
        if (e.type === "watching") watching[i]++;
        if (e.type === "changed" && e.folder === "INBOX") (changed[i]++, (changedAt[i] ||= Date.now()));
      },
    }),
  );
}
await waitAll(watching, (c) => c > 0, 120_000, "watching");
const started = Date.now() - t0;
const after = await snapshot();

const transport = createSmtpTransport(getConfig(), { user: LOAD.email, pass: LOAD.password });
const subject = `live bench ${Date.now()}`;
await transport.sendMail({ from: LOAD.email, to: LOAD.email, subject, text: "fan-out" });
const sent = Date.now();
transport.close();
await waitAll(changed, (c) => c > 0, 60_000, "changed");
const lat = changedAt.map((t) => t - sent).sort((a, b) => a - b);

for (const stop of stops) stop();
await registry.closeAll();
const closed = await snapshot();

// The main bench checks the account's exact message counts: take the fan-out message away again.
const imap = await connectImap({ credentials: { user: LOAD.email, pass: LOAD.password }, clientIp: null });
const lock = await imap.getMailboxLock("INBOX");
try {
  const uids = (await imap.search({ subject }, { uid: true })) || [];
  if (uids.length) await imap.messageDelete(uids, { uid: true });
} finally {
  lock.release();
  await imap.logout();
}

const per = (a: number, b: number) => (a - b) / N;
const dovecotPss = (s: typeof before) => (s.dovecot ? s.dovecot.pssKiB : 0);
const procs = (s: typeof before) => JSON.stringify(s.dovecot?.processes ?? {});
console.log(`live watchers: ${N} (started and IDLE in ${started} ms)`);
console.log(`  Postern process: RSS ${(before.rss / MiB).toFixed(1)} -> ${(after.rss / MiB).toFixed(1)} MiB (${(per(after.rss, before.rss) / 1024).toFixed(0)} KiB/watcher), ` +
  `V8 heap ${(per(after.heap, before.heap) / 1024).toFixed(0)} KiB/watcher, external ${(per(after.external, before.external) / 1024).toFixed(0)} KiB/watcher`);
console.log(`  file descriptors: ${before.fds} -> ${after.fds} (${per(after.fds, before.fds).toFixed(2)}/watcher); after closing all: ${closed.fds}`);
console.log(`  Dovecot: PSS ${(dovecotPss(before) / 1024).toFixed(0)} -> ${(dovecotPss(after) / 1024).toFixed(0)} MiB (${(per(dovecotPss(after), dovecotPss(before))).toFixed(0)} KiB/watcher); processes ${procs(before)} -> ${procs(after)}`);
console.log(`  delivery -> "changed" at every watcher: p50 ${lat[Math.floor(N / 2)]} ms, max ${lat[N - 1]} ms`);
