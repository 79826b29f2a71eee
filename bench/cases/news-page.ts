import { getConfig } from "@/lib/env";
import { mailTlsSettings } from "@/lib/imap/connection-options";
import { NEWS_PAGE_SIZE } from "@/lib/limits";
import { listArticles } from "@/lib/news/list-articles";
import { openNewsSession } from "@/lib/nntp/open-news-session";
import type { Browser } from "../browser";
import { rawNntp } from "../nntp";
import { row, type Row } from "../report-types";
import { interleave } from "../stats";

/** The lab's 10,000-article group (mail-lab/seed/seed-news.mjs) and a small one beside it. */
export const BIG_GROUP = "postern.test.big";
const ITERATIONS = 100;

/**
 * Case 8 (issue 24): page 1 of a 10,000-article newsgroup through Postern (the news page over
 * HTTP, and the library path in-process) against a bare NNTP client doing `OVER` of the same 50
 * article numbers on an open, STARTTLS'd connection with the group selected. Postern opens a
 * connection per request (lib/news/with-news.ts: NNTP keeps nothing a page needs, and any process
 * may serve the next one), so a bare connect + STARTTLS + GROUP + OVER is measured too: the floor
 * of that design.
 */
export async function newsPage(ctx: { browser: Browser; nntpPort: number; caFile: string }): Promise<Row[]> {
  const raw = await rawNntp({ port: ctx.nntpPort, caFile: ctx.caFile });
  const group = (await raw.command(`GROUP ${BIG_GROUP}`, false)).toString("latin1").split(" ");
  const [count, low, high] = [Number(group[1]), Number(group[2]), Number(group[3])];
  if (!(count >= 10_000)) throw new Error(`${BIG_GROUP} has ${count} articles; run the lab's news seed`);
  const range = `${Math.max(low, high - NEWS_PAGE_SIZE + 1)}-${high}`;
  const over = async () => {
    const answer = await raw.command(`OVER ${range}`, true);
    if (answer[0] !== 0x32) throw new Error(`OVER: ${answer.subarray(0, 80).toString("latin1")}`);
  };
  const connectAndOver = async () => {
    const c = await rawNntp({ port: ctx.nntpPort, caFile: ctx.caFile });
    try {
      await c.command(`GROUP ${BIG_GROUP}`, false);
      await c.command(`OVER ${range}`, true);
    } finally {
      c.close();
    }
  };
  const tlsSettings = mailTlsSettings(getConfig());
  const lib = async () => {
    const s = await openNewsSession({ host: "127.0.0.1", port: ctx.nntpPort, security: "starttls", tls: tlsSettings });
    try {
      const page = await listArticles(s, { group: BIG_GROUP, readRanges: [] });
      if (page.rows.length !== NEWS_PAGE_SIZE) throw new Error(`listArticles returned ${page.rows.length} rows`);
    } finally {
      s.connection.close();
    }
  };
  const path = `/mail/news?${new URLSearchParams({ group: BIG_GROUP })}`;
  const http = async () => {
    const res = await ctx.browser.request("GET", path);
    if (res.status !== 200 || !res.body.includes("article-row")) throw new Error(`GET ${path}: ${res.status}`);
  };
  const r = await interleave(
    [
      { name: "over", run: over },
      { name: "connectOver", run: connectAndOver },
      { name: "lib", run: lib },
      { name: "http", run: http },
    ],
    { warmup: 10, iterations: ITERATIONS },
  );
  raw.close();
  const vsOver = { unit: "ms", baselineName: "bare NNTP OVER of the same 50, open connection, p50", baseline: r.over.p50, target: null } as const;
  return [
    row({
      id: "8",
      name: "news group page 1 (50 of 10,000 articles), news page over HTTP, p50",
      measured: r.http.p50,
      ...vsOver,
      note: `the whole server-rendered page (subscriptions, threading, HTML); p95: HTTP ${r.http.p95.toFixed(1)} ms, OVER ${r.over.p95.toFixed(1)} ms`,
      details: { group: BIG_GROUP, articles: count, range, latency: r },
    }),
    row({
      id: "8b",
      name: "same page, library call (connect, STARTTLS, GROUP, OVER, threading), p50",
      measured: r.lib.p50,
      ...vsOver,
      note: "Postern's news layer without HTTP, on the new connection it opens per request",
    }),
    row({
      id: "8c",
      name: "floor of a connection per request: bare connect + STARTTLS + GROUP + OVER, p50",
      measured: r.connectOver.p50,
      ...vsOver,
      note: "what any client pays for the same page on a fresh connection",
    }),
  ];
}
