import { PAGE_SIZE } from "@/lib/limits";
import { fetchSummaries, type MessageSummary } from "./fetch-summaries";
import { DEFAULT_LIST_QUERY, isDefaultOrder, toImapSearch, type ListQuery } from "./list-query";
import { orderedUids } from "./ordered-uids";
import { mailboxCacheKey, type ImapIdentity } from "./session-pool";
import { withMailbox } from "./with-mailbox";

export { toSummary, type MessageSummary } from "./fetch-summaries";

export type MessagePage = {
  folder: string;
  /** The order and search this page was listed with (echoed so links keep them). */
  query: ListQuery;
  /** Messages in the folder, or matching the search when there is one. */
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
  messages: MessageSummary[];
  /** Set on the page that holds the folder's newest message (its own order, page 1): the highest
   * UID (0 when empty) with the folder's UIDVALIDITY, so a caller can tell whether anything
   * arrived since it last looked without asking the server again. */
  newest?: { uidValidity: string; uid: number };
};

/** Sequence range of a newest-first page: page 1 is the highest sequence numbers. */
export function pageRange(total: number, page: number, pageSize = PAGE_SIZE) {
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const p = Math.min(Math.max(1, Math.floor(page) || 1), pageCount);
  const end = total - (p - 1) * pageSize;
  const start = Math.max(1, end - pageSize + 1);
  return { page: p, pageCount, start, end };
}

/**
 * One page of a folder. In the folder's own order (newest first) it fetches just that page's
 * sequence range; sorted or searched, the server sorts/searches (SORT, SEARCH) and only the
 * page's UIDs are fetched. Either way only 50 rows cross the wire, and rows seen before only
 * their flags (lib/imap/fetch-summaries.ts). A search's or sort's UIDs are remembered while the
 * folder's messages stay the same, so its next pages cost no second search (ordered-uids.ts).
 * @throws PosternError NOT_FOUND | BAD_REQUEST | IMAP_UNAVAILABLE
 */
export async function listMessages(
  id: ImapIdentity,
  opts: { folder: string; page: number; query?: ListQuery },
): Promise<MessagePage> {
  const query = opts.query ?? DEFAULT_LIST_QUERY;
  const search = toImapSearch(query);
  return withMailbox(id, opts.folder, async ({ client, mailbox }) => {
    const base = { folder: opts.folder, query, pageSize: PAGE_SIZE };
    if (!search && isDefaultOrder(query)) {
      const total = mailbox.exists;
      const { page, pageCount, start, end } = pageRange(total, opts.page);
      const messages = total > 0 ? await fetchSummaries(client, mailboxCacheKey(id), `${start}:${end}`) : [];
      messages.sort((a, b) => b.uid - a.uid);
      const newest = page === 1 ? { uidValidity: String(mailbox.uidValidity), uid: messages[0]?.uid ?? 0 } : undefined;
      return { ...base, total, page, pageCount, messages, ...(newest && { newest }) };
    }
    const uids = await orderedUids(client, mailbox, query, search);
    const pageCount = Math.max(1, Math.ceil(uids.length / PAGE_SIZE));
    const page = Math.min(Math.max(1, Math.floor(opts.page) || 1), pageCount);
    const slice = Array.from(uids.subarray((page - 1) * PAGE_SIZE, page * PAGE_SIZE));
    const byUid = new Map<number, MessageSummary>();
    if (slice.length) {
      for (const m of await fetchSummaries(client, mailboxCacheKey(id), slice.join(","), { byUid: true })) byUid.set(m.uid, m);
    }
    const messages = slice.map((uid) => byUid.get(uid)).filter((m): m is MessageSummary => !!m);
    return { ...base, total: uids.length, page, pageCount, messages };
  });
}
