import { isPosternError } from "@/lib/http/errors";
import { PAGE_SIZE } from "@/lib/limits";
import { fetchSummaries, type MessageSummary } from "./fetch-summaries";
import { mergeNewest, type Head } from "./merge-newest";
import { mailboxCacheKey, type ImapIdentity } from "./session-pool";
import { withMailbox } from "./with-mailbox";

/** One mailbox of the unified inbox: `key` names it in links (null for the user's own). `folder`
 * is INBOX unless said (the bench merges three folders of one lab account as three mailboxes). */
export type InboxSource = { key: string | null; label: string; identity: ImapIdentity; folder?: string };

export type UnifiedRow = MessageSummary & { source: number };

export type UnifiedPage = {
  page: number;
  pageCount: number;
  pageSize: number;
  /** Messages in all the INBOXes that answered. */
  total: number;
  messages: UnifiedRow[];
  /** Mailboxes that could not be read this time, with why: the others still show. */
  failed: { source: number; message: string }[];
};

/**
 * The newest `count` rows of the folder, newest first: the last `count` sequence numbers, which run
 * in UID (arrival) order (RFC 9051 2.3.1.2), fetched as the message list's page 1 fetches its rows
 * (fetchSummaries: cached rows cost only their flags). No SORT or SEARCH: the cost does not grow
 * with the mailbox.
 */
function readNewest(from: InboxSource, count: number): Promise<{ rows: MessageSummary[]; exists: number }> {
  return withMailbox(from.identity, from.folder ?? "INBOX", async ({ client, mailbox }) => {
    const exists = mailbox.exists;
    if (exists === 0 || count === 0) return { rows: [], exists };
    const rows = await fetchSummaries(client, mailboxCacheKey(from.identity), `${Math.max(1, exists - count + 1)}:${exists}`);
    return { rows: rows.sort((a, b) => b.uid - a.uid), exists };
  });
}

/** When a row counts as arrived, for interleaving mailboxes: its date, a date in the future as now
 * (a sender's clock, or a spammer's, must not keep a message above the others). */
function arrival(row: MessageSummary, now: number): number {
  const t = row.date ? Date.parse(row.date) : NaN;
  return Number.isFinite(t) ? Math.min(t, now) : 0;
}

/** A mailbox that does not answer is left out of the page, said in `failed`, never the page's end. */
async function settle<T>(p: Promise<T>): Promise<{ ok: T } | { error: string }> {
  try {
    return { ok: await p };
  } catch (e) {
    if (!isPosternError(e)) throw e;
    return { error: e.message };
  }
}

/**
 * Page `page` of the newest messages of every source's INBOX, merged (lib/imap/merge-newest.ts):
 * each mailbox is asked for its newest page*pageSize rows, all mailboxes at once, each on its own
 * connection; each mailbox's rows keep their arrival order and interleave with the others' by date.
 * @throws only what is not a PosternError; a failing mailbox is reported in `failed`
 */
export async function listUnifiedInbox(sources: InboxSource[], opts: { page: number; pageSize?: number }): Promise<UnifiedPage> {
  const pageSize = opts.pageSize ?? PAGE_SIZE;
  const page = Math.max(1, Math.floor(opts.page) || 1);
  const now = Date.now();
  const read = await Promise.all(sources.map((s) => settle(readNewest(s, page * pageSize))));
  const failed: UnifiedPage["failed"] = [];
  const rows = read.map((r, i) => ("ok" in r ? r.ok.rows : (failed.push({ source: i, message: r.error }), [])));
  const lists: Head[][] = rows.map((list, source) => list.map((m, at) => ({ source, at, arrived: arrival(m, now) })));
  const total = read.reduce((n, r) => n + ("ok" in r ? r.ok.exists : 0), 0);
  const messages = mergeNewest(lists, page * pageSize)
    .slice((page - 1) * pageSize)
    .map((h) => ({ ...rows[h.source][h.at], source: h.source }));
  return { page, pageCount: Math.max(1, Math.ceil(total / pageSize)), pageSize, total, messages, failed };
}
