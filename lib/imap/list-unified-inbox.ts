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

/** The newest `count` messages of the INBOX in arrival order with their INTERNALDATE. Sequence
 * numbers run in UID (arrival) order (RFC 9051 2.3.1.2), so these are the last `count` numbers:
 * no SORT or SEARCH, and the cost does not grow with the mailbox. */
function readHeads(source: number, from: InboxSource, count: number): Promise<{ heads: Head[]; exists: number }> {
  return withMailbox(from.identity, from.folder ?? "INBOX", async ({ client, mailbox }) => {
    const exists = mailbox.exists;
    if (exists === 0 || count === 0) return { heads: [], exists };
    const heads: Head[] = [];
    for await (const m of client.fetch(`${Math.max(1, exists - count + 1)}:*`, { uid: true, internalDate: true })) {
      const date = m.internalDate instanceof Date ? m.internalDate.getTime() : Date.parse(String(m.internalDate ?? ""));
      heads.push({ source, uid: m.uid, arrived: Number.isFinite(date) ? date : 0 });
    }
    heads.sort((a, b) => b.uid - a.uid);
    return { heads, exists };
  });
}

function readRows(from: InboxSource, uids: number[]): Promise<MessageSummary[]> {
  return withMailbox(from.identity, from.folder ?? "INBOX", ({ client }) => fetchSummaries(client, mailboxCacheKey(from.identity), uids.join(","), { byUid: true }));
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
 * each mailbox is asked for its newest page*pageSize arrivals (UID and date only), then for the
 * full rows of just the messages the page shows, all mailboxes at once.
 * @throws only what is not a PosternError; a failing mailbox is reported in `failed`
 */
export async function listUnifiedInbox(sources: InboxSource[], opts: { page: number; pageSize?: number }): Promise<UnifiedPage> {
  const pageSize = opts.pageSize ?? PAGE_SIZE;
  const page = Math.max(1, Math.floor(opts.page) || 1);
  const read = await Promise.all(sources.map((s, i) => settle(readHeads(i, s, page * pageSize))));
  const failed: UnifiedPage["failed"] = [];
  const lists = read.map((r, i) => ("ok" in r ? r.ok.heads : (failed.push({ source: i, message: r.error }), [])));
  const total = read.reduce((n, r) => n + ("ok" in r ? r.ok.exists : 0), 0);
  const shown = mergeNewest(lists, page * pageSize).slice((page - 1) * pageSize);
  const rows = await Promise.all(
    sources.map(async (s, i) => {
      const uids = shown.filter((h) => h.source === i).map((h) => h.uid);
      if (!uids.length) return new Map<number, MessageSummary>();
      const r = await settle(readRows(s, uids));
      if ("error" in r) failed.push({ source: i, message: r.error });
      return new Map(("ok" in r ? r.ok : []).map((m) => [m.uid, m]));
    }),
  );
  const messages = shown.flatMap((h) => {
    const row = rows[h.source].get(h.uid);
    return row ? [{ ...row, source: h.source }] : []; // expunged between the two reads
  });
  return { page, pageCount: Math.max(1, Math.ceil(total / pageSize)), pageSize, total, messages, failed };
}
