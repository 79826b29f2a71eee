import { listMessages, pageRange } from "@/lib/imap/list-messages";
import { listQuerySchema, type ListQuery } from "@/lib/imap/list-query";
import { forgetOrderedUids } from "@/lib/imap/ordered-uids";
import { getPool, type ImapIdentity } from "@/lib/imap/session-pool";
import { listPath, type Browser } from "../browser";
import { BIG_FOLDER, SMALL_FOLDER } from "../config";
import { row, type Row } from "../report-types";
import { interleave, type Summary } from "../stats";

const BIG_PAGE = 1000;
/** The 1k folder has only 20 pages: its last page stands in for "page 1000". */
const SMALL_LAST_PAGE = pageRange(SMALL_FOLDER.messages, Number.MAX_SAFE_INTEGER).page;

/** The quick search box, headers only (FROM/TO/CC/SUBJECT): a word in ~13% of the seed-big subjects. */
const HEADER_QUERY: ListQuery = listQuerySchema.parse({ q: "budget" });
/** The quick search box with "also in the body", for a word no message contains: without a
 * full-text index the server must read every body, the worst case of a search. */
const BODY_QUERY: ListQuery = listQuerySchema.parse({ q: "zanzibar", in: "all" });
/** The quick search box, headers only, for a word no message contains (a rare word's cost). */
const RARE_HEADER_QUERY: ListQuery = listQuerySchema.parse({ q: "zanzibar" });

/** Page 1 of a search the way the mail page runs it (the list API takes no search yet). The
 * connection's remembered answer is dropped first: these rows measure searching, not paging. */
async function searchPage(id: ImapIdentity, folder: string, query: ListQuery): Promise<number> {
  forgetOrderedUids(await getPool().get(id));
  return (await listMessages(id, { folder, page: 1, query })).total;
}

/** The next page of a search the connection ran just before: its UIDs are remembered. */
async function nextSearchPage(id: ImapIdentity, folder: string, query: ListQuery): Promise<number> {
  return (await listMessages(id, { folder, page: 2, query })).messages.length;
}

type Pair = { big: Summary; small: Summary };

async function pair(big: () => Promise<unknown>, small: () => Promise<unknown>, warmup: number, iterations: number): Promise<Pair> {
  const r = await interleave([{ name: "big", run: big }, { name: "small", run: small }], { warmup, iterations });
  return { big: r.big, small: r.small };
}

function scaleRow(id: string, name: string, baselineName: string, p: Pair, note: string, extra: Record<string, unknown> = {}): Row {
  return row({
    id,
    name,
    measured: p.big.p50,
    unit: "ms",
    baselineName,
    baseline: p.small.p50,
    target: { max: 1.5, of: "ratio" },
    note,
    details: { big: p.big, small: p.small, ...extra },
  });
}

/**
 * Case 2: the same request on the 100,000-message INBOX and on the 1,000-message Bench1k folder.
 * Pages go through the HTTP API, each folder on its own signed-in session so neither pays a
 * SELECT per request; searches call the library function the mail page uses, for lack of an API.
 */
export async function folderScale(ctx: {
  bigBrowser: Browser;
  smallBrowser: Browser;
  bigSearch: ImapIdentity;
  smallSearch: ImapIdentity;
}): Promise<Row[]> {
  const get = (b: Browser, folder: string, page: number) => () => b.getJson(listPath(folder, page));
  const page1 = await pair(get(ctx.bigBrowser, BIG_FOLDER.path, 1), get(ctx.smallBrowser, SMALL_FOLDER.path, 1), 10, 100);
  const deep = await pair(
    get(ctx.bigBrowser, BIG_FOLDER.path, BIG_PAGE),
    get(ctx.smallBrowser, SMALL_FOLDER.path, SMALL_LAST_PAGE),
    10,
    100,
  );
  const hits = {
    big: await searchPage(ctx.bigSearch, BIG_FOLDER.path, HEADER_QUERY),
    small: await searchPage(ctx.smallSearch, SMALL_FOLDER.path, HEADER_QUERY),
  };
  const headers = await pair(
    () => searchPage(ctx.bigSearch, BIG_FOLDER.path, HEADER_QUERY),
    () => searchPage(ctx.smallSearch, SMALL_FOLDER.path, HEADER_QUERY),
    3,
    15,
  );
  const body = await pair(
    () => searchPage(ctx.bigSearch, BIG_FOLDER.path, BODY_QUERY),
    () => searchPage(ctx.smallSearch, SMALL_FOLDER.path, BODY_QUERY),
    1,
    3,
  );
  const rare = await pair(
    () => searchPage(ctx.bigSearch, BIG_FOLDER.path, RARE_HEADER_QUERY),
    () => searchPage(ctx.smallSearch, SMALL_FOLDER.path, RARE_HEADER_QUERY),
    3,
    15,
  );
  await nextSearchPage(ctx.bigSearch, BIG_FOLDER.path, HEADER_QUERY);
  await nextSearchPage(ctx.smallSearch, SMALL_FOLDER.path, HEADER_QUERY);
  const paged = await pair(
    () => nextSearchPage(ctx.bigSearch, BIG_FOLDER.path, HEADER_QUERY),
    () => nextSearchPage(ctx.smallSearch, SMALL_FOLDER.path, HEADER_QUERY),
    3,
    30,
  );
  return [
    scaleRow("2a", "page 1 on 100k folder, HTTP API, p50", "page 1 on 1k folder, p50", page1, "same 50-row FETCH on both: cost independent of folder size"),
    scaleRow(
      "2b",
      `page ${BIG_PAGE} on 100k folder, HTTP API, p50`,
      `last page (${SMALL_LAST_PAGE}) on 1k folder, p50`,
      deep,
      `the 1k folder has no page ${BIG_PAGE}; its last page (${SMALL_LAST_PAGE}) is the deepest page it has`,
    ),
    scaleRow(
      "2c",
      "quick search (headers) + page 1 of hits on 100k, p50",
      "same on 1k, p50",
      headers,
      `listMessages() with q="budget" (no search API yet; the mail page calls the same function): ` +
        `UID SEARCH OR FROM/TO/CC/SUBJECT + FETCH of 50 hits; ${hits.big} vs ${hits.small} hits`,
      { hits },
    ),
    scaleRow(
      "2d",
      "quick search incl. body, no hit, on 100k, p50",
      "same on 1k, p50",
      body,
      'listMessages() with q="zanzibar", in=all: no hit. The lab indexes load@ with fts-xapian, so Dovecot answers from the index; ' +
        "without one it reads every body (2.2 s on 100k in the 2026-12-04 run)",
    ),
    scaleRow(
      "2e",
      "quick search (headers), no hit, on 100k, p50",
      "same on 1k, p50",
      rare,
      'listMessages() with q="zanzibar": a rare word costs what the index lookup costs; common words cost per hit (2c)',
    ),
    row({
      id: "2f",
      name: "page 2 of the 2c search on 100k (its UIDs remembered), p50",
      measured: paged.big.p50,
      unit: "ms",
      baselineName: "same on 1k, p50",
      baseline: paged.small.p50,
      target: null,
      note: "listMessages() page 2 of q=\"budget\" right after page 1 on the same connection: no second SEARCH, a NOOP and 50 rows",
      details: { big: paged.big, small: paged.small },
    }),
  ];
}
