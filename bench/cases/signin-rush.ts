import { Browser, listPath } from "../browser";
import { BIG_FOLDER, browserAddress, LOAD_USER } from "../config";
import { cpuByName, machineBusySeconds, treeCpu, type TreeCpu } from "../procfs";
import { row, type Row } from "../report-types";
import { summarize } from "../stats";

/** Sign-in and first page of one new browser: what a person waits for after pressing "Sign in". */
async function signInAndList(b: Browser): Promise<number> {
  const t0 = performance.now();
  await b.signIn(LOAD_USER.email, LOAD_USER.password);
  await b.getJson(listPath(BIG_FOLDER.path, 1));
  return performance.now() - t0;
}

/**
 * Case 4r: a Monday-morning rush. `count` browsers that have never been here (new connections, no
 * session) sign in at the same moment, each from its own address, and each asks for its first
 * page of the 100k INBOX; against one browser doing the same alone (median of 5, this run's
 * baseline). Every sign-in is a TLS connect, LOGIN and SELECT of 100k messages on Dovecot.
 */
export async function signInRush(ctx: {
  origin: URL;
  count: number;
  firstAddress: number;
  serverPid?: number;
  dovecotPid?: number | null;
}): Promise<{ rows: Row[]; browsers: Browser[] }> {
  const alone: number[] = [];
  const browsers: Browser[] = [];
  for (let i = 0; i < 5; i++) {
    const b = new Browser(ctx.origin, browserAddress(ctx.firstAddress + i));
    browsers.push(b);
    alone.push(await signInAndList(b));
  }
  const crowd = Array.from({ length: ctx.count }, (_, i) => new Browser(ctx.origin, browserAddress(ctx.firstAddress + 5 + i)));
  browsers.push(...crowd);
  let failures = 0;
  let firstFailure: string | null = null;
  const cpu0 = cpuSnapshot(ctx.serverPid, ctx.dovecotPid);
  const t0 = performance.now();
  const times = await Promise.all(
    crowd.map((b) =>
      signInAndList(b).catch((e: unknown) => {
        failures++;
        firstFailure ??= String(e);
        return null;
      }),
    ),
  );
  const wall = performance.now() - t0;
  const cpu = cpuSplit(cpu0, cpuSnapshot(ctx.serverPid, ctx.dovecotPid), ctx.count);
  const rush = summarize(times.filter((t): t is number => t !== null));
  const single = summarize(alone);
  return {
    browsers,
    rows: [
      row({
        id: "4r",
        name: `${ctx.count} browsers signing in at once, sign-in + first page, p95`,
        measured: rush.p95,
        unit: "ms",
        baselineName: "1 browser alone, p50 of 5",
        baseline: single.p50,
        target: { max: 3_000, of: "value" },
        note:
          `p50 ${rush.p50.toFixed(0)} ms, max ${rush.max.toFixed(0)} ms; all ${ctx.count} done in ${(wall / 1000).toFixed(1)} s ` +
          `(${((ctx.count * 1000) / wall).toFixed(0)} sign-ins/s), ${failures} failed` +
          (firstFailure ? ` (first: ${String(firstFailure).slice(0, 160)})` : "") +
          `; CPU ms per sign-in: ${describeSplit(cpu)}`,
        details: { rush, single, failures, cpuMsPerSignIn: cpu },
      }),
    ],
  };
}

type CpuSnapshot = { postern: TreeCpu | null; dovecot: TreeCpu | null; self: NodeJS.CpuUsage; machine: number };

function cpuSnapshot(serverPid?: number, dovecotPid?: number | null): CpuSnapshot {
  return {
    postern: serverPid ? treeCpu(serverPid) : null,
    dovecot: dovecotPid ? treeCpu(dovecotPid) : null,
    self: process.cpuUsage(),
    machine: machineBusySeconds(),
  };
}

/** CPU milliseconds per sign-in of each party during the rush: Postern, Dovecot by process name
 * (imap, imap-login, auth, ...), the load generator (this process) and everything else. */
function cpuSplit(a: CpuSnapshot, b: CpuSnapshot, count: number): Record<string, number> {
  const per = (seconds: number) => (seconds * 1000) / count;
  const sum = (r: Record<string, number>) => Object.values(r).reduce((x, y) => x + y, 0);
  const out: Record<string, number> = {};
  const postern = a.postern && b.postern ? sum(cpuByName(a.postern, b.postern)) : 0;
  out.postern = per(postern);
  let dovecot = 0;
  if (a.dovecot && b.dovecot) {
    for (const [name, s] of Object.entries(cpuByName(a.dovecot, b.dovecot))) {
      if (s <= 0) continue;
      out[`dovecot ${name}`] = per(s);
      dovecot += s;
    }
  }
  const self = process.cpuUsage(a.self);
  const loadGenerator = (self.user + self.system) / 1e6;
  out["load generator"] = per(loadGenerator);
  out.others = per(Math.max(0, b.machine - a.machine - postern - dovecot - loadGenerator));
  out.machine = per(b.machine - a.machine);
  return out;
}

function describeSplit(split: Record<string, number>): string {
  return Object.entries(split)
    .filter(([, ms]) => ms >= 0.05)
    .map(([k, ms]) => `${k} ${ms.toFixed(1)}`)
    .join(", ");
}
