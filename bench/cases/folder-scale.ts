import type { SearchObject } from "imapflow";
import { pageRange } from "@/lib/imap/list-messages";
import type { ImapIdentity } from "@/lib/imap/session-pool";
import { withMailbox } from "@/lib/imap/with-mailbox";
import { PAGE_SIZE } from "@/lib/limits";
import { listPath, type Browser } from "../browser";
import { BIG_FOLDER, SMALL_FOLDER } from "../config";
import { LIST_FETCH_QUERY } from "../imap";
import { row, type Row } from "../report-types";
import { interleave, type Summary } from "../stats";

const BIG_PAGE = 1000;
/** The 1k folder has only 20 pages: its last page stands in for "page 1000". */
const SMALL_LAST_PAGE = pageRange(SMALL_FOLDER.messages, Number.MAX_SAFE_INTEGER).page;

/** A word in ~13% of the seed-big subjects. */
const SUBJECT_QUERY: SearchObject = { subject: "budget" };
/** What a quick-search box sends, with a word no message contains: the server must read every
 * body, the worst case of a search. */
const QUICK_QUERY: SearchObject = {
  or: [{ from: "zanzibar" }, { to: "zanzibar" }, { subject: "zanzibar" }, { body: "zanzibar" }],
};

/**
 * A search as a paged search feature would run it (there is no Postern search API yet): UID SEARCH
 * through the session pool, then the envelopes of the newest page of hits.
 */
function searchFirstPage(id: ImapIdentity, folder: string, query: SearchObject): Promise<number> {
  return withMailbox(id, folder, async ({ client }) => {
    const uids = (await client.search(query, { uid: true })) || [];
    const page = uids.slice(-PAGE_SIZE);
    if (page.length) for await (const _ of client.fetch(page.join(","), LIST_FETCH_QUERY, { uid: true })) void _;
    return uids.length;
  });
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
 * SELECT per request; searches go through the library, for lack of a search API.
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
    subjectBig: await searchFirstPage(ctx.bigSearch, BIG_FOLDER.path, SUBJECT_QUERY),
    subjectSmall: await searchFirstPage(ctx.smallSearch, SMALL_FOLDER.path, SUBJECT_QUERY),
  };
  const subject = await pair(
    () => searchFirstPage(ctx.bigSearch, BIG_FOLDER.path, SUBJECT_QUERY),
    () => searchFirstPage(ctx.smallSearch, SMALL_FOLDER.path, SUBJECT_QUERY),
    3,
    15,
  );
  const quick = await pair(
    () => searchFirstPage(ctx.bigSearch, BIG_FOLDER.path, QUICK_QUERY),
    () => searchFirstPage(ctx.smallSearch, SMALL_FOLDER.path, QUICK_QUERY),
    1,
    3,
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
      "subject search + first page of hits on 100k, p50",
      "same on 1k, p50",
      subject,
      `library level (no search API yet): UID SEARCH SUBJECT "budget" + FETCH of the newest 50 hits; ` +
        `${hits.subjectBig} vs ${hits.subjectSmall} hits`,
      { hits },
    ),
    scaleRow(
      "2d",
      "quick search FROM/TO/SUBJECT/BODY, no hit, on 100k, p50",
      "same on 1k, p50",
      quick,
      "library level; no hit, so Dovecot reads every message body (no FTS index in the lab)",
    ),
  ];
}
