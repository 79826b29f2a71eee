import type { ImapFlow } from "imapflow";
import { listMessages, pageRange } from "@/lib/imap/list-messages";
import { forgetRowFlags } from "@/lib/imap/page-flags";
import { getPool, type ImapIdentity } from "@/lib/imap/session-pool";
import { listPath, type Browser } from "../browser";
import { BIG_FOLDER } from "../config";
import { LIST_FETCH_QUERY } from "../imap";
import { cpuSeconds } from "../procfs";
import { row, type Row } from "../report-types";
import { interleave } from "../stats";

const ITERATIONS = 200;

/** CPU milliseconds this process spends per call of `fn` (the bench process does nothing else meanwhile). */
async function cpuPerCall(fn: () => Promise<unknown>, calls: number): Promise<number> {
  const before = process.cpuUsage();
  for (let i = 0; i < calls; i++) await fn();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000 / calls;
}

/** CPU milliseconds the server process spends per request, over `calls` sequential requests. */
async function serverCpuPerCall(pid: number, fn: () => Promise<unknown>, calls: number): Promise<number> {
  const before = cpuSeconds(pid);
  for (let i = 0; i < calls; i++) await fn();
  return ((cpuSeconds(pid) - before) * 1000) / calls;
}

/**
 * Case 1: INBOX page 1 through Postern's HTTP API against the bare IMAP work it wraps, a raw
 * imapflow FETCH of the same items on an already-open, already-selected connection. Extra rows
 * split the difference: the library call (Postern's IMAP layer without HTTP), the same route
 * answering 401 (no cookie: Next + Auth.js alone) and 400 (signed in, bad page number: + session
 * cookie, session row and credential decryption, no IMAP), and the CPU each costs.
 */
export async function listOverhead(ctx: {
  browser: Browser;
  anonymous: Browser;
  raw: ImapFlow;
  libIdentity: ImapIdentity;
  serverPid: number;
}): Promise<Row[]> {
  const mailbox = await ctx.raw.mailboxOpen(BIG_FOLDER.path);
  const { start, end } = pageRange(mailbox.exists, 1);
  const rawFetch = async () => {
    const rows: unknown[] = []; // kept, as listMessages keeps its rows
    for await (const m of ctx.raw.fetch(`${start}:${end}`, LIST_FETCH_QUERY)) rows.push(m);
    if (rows.length !== end - start + 1) throw new Error(`raw fetch returned ${rows.length} rows`);
  };
  const expect = (b: Browser, path: string, status: number) => async () => {
    const res = await b.request("GET", path);
    if (res.status !== status) throw new Error(`GET ${path}: ${res.status}, expected ${status}`);
  };
  const libClient = await getPool().get(ctx.libIdentity);
  const r = await interleave(
    [
      { name: "raw", run: rawFetch },
      { name: "lib", run: () => listMessages(ctx.libIdentity, { folder: BIG_FOLDER.path, page: 1 }) },
      {
        name: "libAllFlags",
        run: () => {
          forgetRowFlags(libClient);
          return listMessages(ctx.libIdentity, { folder: BIG_FOLDER.path, page: 1 });
        },
      },
      { name: "http", run: expect(ctx.browser, listPath(BIG_FOLDER.path, 1), 200) },
      { name: "http400", run: expect(ctx.browser, listPath(BIG_FOLDER.path, 0), 400) },
      { name: "http401", run: expect(ctx.anonymous, listPath(BIG_FOLDER.path, 1), 401) },
    ],
    { warmup: 20, iterations: ITERATIONS },
  );
  const serverCpu = (fn: () => Promise<unknown>) => serverCpuPerCall(ctx.serverPid, fn, 100);
  const serverCpuList = await serverCpu(expect(ctx.browser, listPath(BIG_FOLDER.path, 1), 200));
  const serverCpu400 = await serverCpu(expect(ctx.browser, listPath(BIG_FOLDER.path, 0), 400));
  const serverCpu401 = await serverCpu(expect(ctx.anonymous, listPath(BIG_FOLDER.path, 1), 401));
  const libCpu = await cpuPerCall(() => listMessages(ctx.libIdentity, { folder: BIG_FOLDER.path, page: 1 }), 100);
  const rawCpu = await cpuPerCall(rawFetch, 100);

  const vsRaw = { unit: "ms", baselineName: "raw imapflow FETCH, p50", baseline: r.raw.p50, target: null } as const;
  return [
    row({
      id: "1",
      name: "INBOX page 1 (50 rows), HTTP API, p50",
      measured: r.http.p50,
      ...vsRaw,
      target: { max: 1.3, of: "ratio" },
      note:
        `HTTP adds ${(r.http.p50 - r.raw.p50).toFixed(1)} ms at p50 over the raw FETCH (${(r.http.p50 - r.lib.p50).toFixed(1)} ms ` +
        `over the library call). p95: HTTP ${r.http.p95.toFixed(1)} ms, raw ${r.raw.p95.toFixed(1)} ms`,
      details: { folderMessages: mailbox.exists, range: `${start}:${end}`, latency: r },
    }),
    row({
      id: "1b",
      name: "same page, library call listMessages() in-process, p50",
      measured: r.lib.p50,
      ...vsRaw,
      note: "Postern's IMAP layer without HTTP: NOOP, then FETCH (FLAGS) (CHANGEDSINCE) answered with no rows",
    }),
    row({
      id: "1f",
      name: "same, all 50 rows' flags fetched (no CHANGEDSINCE), p50",
      measured: r.libAllFlags.p50,
      ...vsRaw,
      note: "what a page costs after its folder changed, or on a server without CONDSTORE: NOOP, FETCH (UID FLAGS) of 50 rows",
    }),
    row({
      id: "1c",
      name: "same route, signed in, invalid page: 400, p50",
      measured: r.http400.p50,
      ...vsRaw,
      note: "Next routing + Auth.js session cookie + session row (SQLite) + credential decryption, no IMAP",
    }),
    row({ id: "1d", name: "same route, no cookie: 401, p50", measured: r.http401.p50, ...vsRaw, note: "Next routing + Auth.js finding no cookie" }),
    row({
      id: "1e",
      name: "Postern server CPU per list request (200), one at a time",
      measured: serverCpuList,
      unit: "ms",
      baselineName: "CPU of the raw FETCH (client side)",
      baseline: rawCpu,
      target: null,
      note:
        `server CPU per 400 answer ${serverCpu400.toFixed(1)} ms, per 401 ${serverCpu401.toFixed(1)} ms; ` +
        `listMessages() in-process ${libCpu.toFixed(1)} ms CPU. One Node thread serves at most ~${Math.floor(1000 / serverCpuList)} list requests/s`,
      details: { serverCpuList, serverCpu400, serverCpu401, libCpu, rawCpu },
    }),
  ];
}
