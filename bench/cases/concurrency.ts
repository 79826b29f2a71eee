import { listPath, type Browser } from "../browser";
import { BASELINE_SECONDS, BIG_FOLDER, CONCURRENCY_PAGES, PACED_RUN_SECONDS, THINK_SECONDS } from "../config";
import { cpuBetween, machineBusySeconds, treeUsage } from "../procfs";
import { row, type Row } from "../report-types";
import { summarize, type Summary } from "../stats";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type LoadResult = {
  sessions: number;
  /** The opening burst of a closed-loop run, one request per session at once, mostly on new
   * connections (not part of the timed run; empty for paced runs). */
  burst: Summary;
  seconds: number;
  latency: Summary;
  requests: number;
  errors: number;
  firstError: string | null;
  perSecond: number;
  /** CPU cores busy on average during the run, per party; `others` is everything else on the
   * machine (other people's builds and tests on a shared box): the noise this run suffered. */
  cores: { postern: number; dovecot: number | null; loadGenerator: number; others: number };
};

/**
 * Closed loop: each session has one request in flight at a time and sends the next as soon as the
 * answer is read (no think time, like autocannon). Every session walks pages 1..CONCURRENCY_PAGES
 * of the 100k INBOX from its own starting page. Bounded by time. An opening burst (one request per
 * session) comes first and is reported apart: the server has closed idle keep-alive connections
 * after 5 s, and requests arriving on new connections all at once were seen starving behind the
 * requests of warm connections for most of a 10 s run, which would swamp the steady state's p95.
 */
export async function runLoad(
  browsers: Browser[],
  seconds: number,
  serverPid: number,
  dovecotPid: number | null,
  thinkSeconds = 0,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | null = null;
  /** One list request; failures are counted, not thrown: a run reports what the users saw. */
  const list = async (b: Browser, page: number): Promise<number | null> => {
    const start = performance.now();
    try {
      const res = await b.request("GET", listPath(BIG_FOLDER.path, page));
      if (res.status !== 200) throw new Error(`${res.status} ${res.body.toString().slice(0, 120)}`);
      return performance.now() - start;
    } catch (e) {
      errors++;
      firstError ??= String(e);
      return null;
    }
  };
  // closed loop only: paced sessions start spread out by themselves
  const burstMs = thinkSeconds ? [] : await Promise.all(browsers.map((b) => list(b, 1)));
  const burst = summarize(burstMs.filter((ms): ms is number => ms !== null));
  // the server's whole process tree: with WORKERS=2 the work is done by the primary's children
  const posternCpu = () => [...treeUsage(serverPid).cpu.values()].reduce((a, b) => a + b, 0);
  const cpu0 = {
    postern: posternCpu(),
    dovecot: dovecotPid ? treeUsage(dovecotPid).cpu : null,
    self: process.cpuUsage(),
    machine: machineBusySeconds(),
  };
  const t0 = performance.now();
  const deadline = t0 + seconds * 1000;
  await Promise.all(
    browsers.map(async (b, i) => {
      // paced sessions start spread out and then pause like a reader (uniform, so they never
      // align), never past the deadline, so the run's rate is over the run's own length
      const think = () => sleep(Math.min(Math.random() * 2 * thinkSeconds * 1000, Math.max(0, deadline - performance.now())));
      if (thinkSeconds) await think();
      for (let k = i; performance.now() < deadline; k++) {
        const ms = await list(b, (k % CONCURRENCY_PAGES) + 1);
        if (ms !== null) latencies.push(ms);
        if (thinkSeconds) await think();
      }
    }),
  );
  const wall = (performance.now() - t0) / 1000;
  const self = process.cpuUsage(cpu0.self);
  const postern = (posternCpu() - cpu0.postern) / wall;
  const dovecot = dovecotPid && cpu0.dovecot ? cpuBetween(cpu0.dovecot, treeUsage(dovecotPid).cpu) / wall : null;
  const loadGenerator = (self.user + self.system) / 1e6 / wall;
  const machine = (machineBusySeconds() - cpu0.machine) / wall;
  return {
    sessions: browsers.length,
    burst,
    seconds: wall,
    latency: summarize(latencies),
    requests: latencies.length,
    errors,
    firstError,
    perSecond: latencies.length / wall,
    cores: { postern, dovecot, loadGenerator, others: Math.max(0, machine - postern - (dovecot ?? 0) - loadGenerator) },
  };
}

export function describe(r: LoadResult): string {
  const c = r.cores;
  const cpuPerRequest = (c.postern * r.seconds * 1000) / Math.max(1, r.requests);
  return (
    `${r.requests} requests in ${r.seconds.toFixed(1)} s = ${r.perSecond.toFixed(0)}/s, ${r.errors} errors; ` +
    `CPU cores busy: Postern ${c.postern.toFixed(2)} (${cpuPerRequest.toFixed(1)} ms per request), ` +
    `Dovecot ${c.dovecot?.toFixed(2) ?? "?"}, load generator ${c.loadGenerator.toFixed(2)}, other processes ${c.others.toFixed(2)}` +
    (r.burst.n ? `. Opening burst of ${r.sessions} requests at once: p50 ${r.burst.p50.toFixed(0)} ms, max ${r.burst.max.toFixed(0)} ms` : "")
  );
}

/**
 * Case 4: 50 and 200 signed-in sessions listing pages at once, each from its own address, against
 * a single session doing the same alone (the baseline of this run); then the 200 paced like
 * readers, which is what a target stated in "sessions" means for real users.
 */
export async function concurrency(ctx: {
  browsers: Browser[];
  levels: readonly number[];
  seconds: number;
  serverPid: number;
  dovecotPid: number | null;
}): Promise<Row[]> {
  const single = await runLoad(ctx.browsers.slice(0, 1), BASELINE_SECONDS, ctx.serverPid, ctx.dovecotPid);
  const rows: Row[] = [];
  for (const n of ctx.levels) {
    if (n > ctx.browsers.length) throw new Error(`only ${ctx.browsers.length} sessions signed in, ${n} needed`);
    const r = await runLoad(ctx.browsers.slice(0, n), ctx.seconds, ctx.serverPid, ctx.dovecotPid);
    const target = n === 200 ? ({ max: 300, of: "value" } as const) : null;
    rows.push(
      row({
        id: `4-${n}`,
        name: `${n} concurrent sessions listing pages, p50`,
        measured: r.latency.p50,
        unit: "ms",
        baselineName: "1 session alone, p50",
        baseline: single.latency.p50,
        target: null,
        note: describe(r),
        details: { load: r, single },
      }),
      row({
        id: `4-${n}-p95`,
        name: `${n} concurrent sessions listing pages, p95`,
        measured: r.latency.p95,
        unit: "ms",
        baselineName: "1 session alone, p95",
        baseline: single.latency.p95,
        target,
        note:
          `p99 ${r.latency.p99.toFixed(0)} ms, max ${r.latency.max.toFixed(0)} ms. With no think time, latency ≈ sessions / throughput ` +
          `(Little's law): p95 ≤ 300 ms for ${n} sessions needs ~${Math.round(n / 0.3)} requests/s` +
          (r.firstError ? `; first error: ${r.firstError}` : ""),
      }),
    );
    if (n === 200) {
      rows.push(
        row({
          id: `4-${n}-p99`,
          name: `${n} concurrent sessions listing pages, p99`,
          measured: r.latency.p99,
          unit: "ms",
          baselineName: "1 session alone, p99",
          baseline: single.latency.p99,
          target: { max: 1_000, of: "value" },
          note: `worst single request ${r.latency.max.toFixed(0)} ms; opening burst max ${r.burst.max.toFixed(0)} ms (reported apart, see 4-${n}-p95)`,
        }),
      );
    }
  }
  const n = Math.max(...ctx.levels);
  const paced = await runLoad(ctx.browsers.slice(0, n), PACED_RUN_SECONDS, ctx.serverPid, ctx.dovecotPid, THINK_SECONDS);
  rows.push(
    row({
      id: `4-${n}-paced`,
      name: `${n} sessions, one page per 0-${2 * THINK_SECONDS} s each (reading), p95`,
      measured: paced.latency.p95,
      unit: "ms",
      baselineName: "1 session alone, p95",
      baseline: single.latency.p95,
      target: null,
      note: `p50 ${paced.latency.p50.toFixed(0)} ms, p99 ${paced.latency.p99.toFixed(0)} ms; ${describe(paced)}`,
      details: { load: paced },
    }),
  );
  return rows;
}
