import { Browser, listPath } from "../browser";
import { BIG_FOLDER, browserAddress, LOAD_USER } from "../config";
import type { RunningServer } from "../postern-server";
import { rssKiB, treeUsage } from "../procfs";
import { row, type Row } from "../report-types";
import { summarize, timeIt } from "../stats";

const SIGN_IN_PARALLEL = 8;
const MiB = 2 ** 20;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Snapshot = { rss: number; heapUsed: number; external: number };

/** Server memory after a full GC and a pause (RSS: median of a few samples, in bytes). Without
 * the GC, garbage of earlier requests comes and goes by tens of MiB, more than the sessions weigh. */
async function snapshot(server: RunningServer): Promise<Snapshot> {
  await sleep(1_000);
  const usage = await server.collectGarbage();
  await sleep(1_000);
  const samples: number[] = [];
  for (let i = 0; i < 5; i++) {
    samples.push((rssKiB(server.pid) ?? Number.NaN) * 1024);
    await sleep(200);
  }
  return { rss: summarize(samples).p50, heapUsed: usage.heapUsed, external: usage.external };
}

/** Runs `fn` over `items` with at most `parallel` in flight. */
async function inBatches<T>(items: T[], parallel: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]);
  };
  await Promise.all(Array.from({ length: parallel }, worker));
}

const perSession = (after: number, before: number, n: number) => (after - before) / n / MiB;

function describe(before: Snapshot, after: Snapshot, n: number): string {
  return (
    `after a full GC: VmRSS ${(before.rss / MiB).toFixed(0)} -> ${(after.rss / MiB).toFixed(0)} MiB, ` +
    `V8 heap used ${(before.heapUsed / MiB).toFixed(1)} -> ${(after.heapUsed / MiB).toFixed(1)} MiB ` +
    `(${(perSession(after.heapUsed, before.heapUsed, n) * 1024).toFixed(0)} KiB/session), ` +
    `external ${(perSession(after.external, before.external, n) * 1024).toFixed(0)} KiB/session`
  );
}

/**
 * Case 5: memory per idle signed-in session. Server memory (and the PSS of Dovecot's processes)
 * before and after `count` sign-ins, each from its own address; then again after every session
 * listed INBOX page 1 once (which also checks each session works). Returns the signed-in browsers
 * for the concurrency case.
 */
export async function idleMemory(ctx: {
  server: RunningServer;
  dovecotPid: number | null;
  count: number;
  firstAddress: number;
}): Promise<{ rows: Row[]; browsers: Browser[] }> {
  const n = ctx.count;
  const dovecot = () => (ctx.dovecotPid ? treeUsage(ctx.dovecotPid) : null);
  const before = await snapshot(ctx.server);
  const dovecotBefore = dovecot();

  const browsers = Array.from({ length: n }, (_, i) => new Browser(ctx.server.origin, browserAddress(ctx.firstAddress + i)));
  const signInMs: number[] = [];
  await inBatches(browsers, SIGN_IN_PARALLEL, async (b) => {
    signInMs.push(await timeIt(() => b.signIn(LOAD_USER.email, LOAD_USER.password)));
  });
  const idle = await snapshot(ctx.server);
  const dovecotIdle = dovecot();

  await inBatches(browsers, SIGN_IN_PARALLEL, async (b) => {
    await b.getJson(listPath(BIG_FOLDER.path, 1));
  });
  const listed = await snapshot(ctx.server);
  const dovecotListed = dovecot();

  const signIn = summarize(signInMs);
  const rows = [
    row({
      id: "5",
      name: `server RSS per idle signed-in session (${n} sessions)`,
      measured: perSession(idle.rss, before.rss, n),
      unit: "MiB",
      // an absolute target; the "before" snapshot is the baseline the delta is taken from
      baselineName: null,
      baseline: null,
      target: { max: 1, of: "value" },
      note:
        `${describe(before, idle, n)}. Each session holds an open, TLS, authenticated IMAP connection (ImapFlow) ` +
        `in the pool. Sign-in p50 ${signIn.p50.toFixed(0)} ms, p95 ${signIn.p95.toFixed(0)} ms (${SIGN_IN_PARALLEL} at a time)`,
      details: { before, idle, signInMs: signIn },
    }),
    row({
      id: "5b",
      name: "same after each session listed INBOX page 1 once",
      measured: perSession(listed.rss, before.rss, n),
      unit: "MiB",
      baselineName: null,
      baseline: null,
      target: null,
      note: `${describe(before, listed, n)}; the connections now have the 100k INBOX selected`,
      details: { listed },
    }),
  ];
  if (dovecotBefore && dovecotIdle && dovecotListed) {
    const kib = (a: number, b: number) => (a - b) / n / 1024;
    rows.push(
      row({
        id: "5c",
        name: "Dovecot PSS per connection, 100k INBOX selected",
        measured: kib(dovecotListed.pssKiB, dovecotBefore.pssKiB),
        unit: "MiB",
        baselineName: "idle connection, nothing selected",
        baseline: kib(dovecotIdle.pssKiB, dovecotBefore.pssKiB),
        target: null,
        note:
          `PSS summed over the lab Dovecot's processes (one imap + one imap-login, the TLS proxy, per connection; ` +
          `other suites' sessions add noise); processes after: ${JSON.stringify(dovecotListed.processes)}`,
        details: { dovecotBefore, dovecotIdle, dovecotListed },
      }),
    );
  }
  return { rows, browsers };
}
