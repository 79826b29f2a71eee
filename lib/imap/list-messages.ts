import type { FetchMessageObject, MessageAddressObject } from "imapflow";
import { PAGE_SIZE } from "@/lib/limits";
import type { Address } from "@/lib/mime/types";
import { hasAttachments } from "./body-structure";
import { DEFAULT_LIST_QUERY, isDefaultOrder, toImapSearch, type ListQuery } from "./list-query";
import { orderedUids } from "./ordered-uids";
import type { ImapIdentity } from "./session-pool";
import { withMailbox } from "./with-mailbox";

export type MessageSummary = {
  uid: number;
  subject: string;
  from: Address | null;
  to: Address[];
  date: string | null;
  size: number;
  seen: boolean;
  flagged: boolean;
  answered: boolean;
  hasAttachments: boolean;
};

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
};

/** Sequence range of a newest-first page: page 1 is the highest sequence numbers. */
export function pageRange(total: number, page: number, pageSize = PAGE_SIZE) {
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const p = Math.min(Math.max(1, Math.floor(page) || 1), pageCount);
  const end = total - (p - 1) * pageSize;
  const start = Math.max(1, end - pageSize + 1);
  return { page: p, pageCount, start, end };
}

function toAddress(a: MessageAddressObject): Address {
  return { name: a.name ?? "", address: a.address ?? "" };
}

export function toSummary(m: FetchMessageObject): MessageSummary {
  const env = m.envelope;
  const date = env?.date ?? m.internalDate;
  return {
    uid: m.uid,
    subject: env?.subject ?? "",
    from: env?.from?.[0] ? toAddress(env.from[0]) : null,
    to: (env?.to ?? []).map(toAddress),
    date: date ? new Date(date).toISOString() : null,
    size: m.size ?? 0,
    seen: m.flags?.has("\\Seen") ?? false,
    flagged: m.flags?.has("\\Flagged") ?? false,
    answered: m.flags?.has("\\Answered") ?? false,
    hasAttachments: hasAttachments(m.bodyStructure),
  };
}

const FETCH_FIELDS = { uid: true, envelope: true, flags: true, size: true, bodyStructure: true, internalDate: true } as const;

/**
 * One page of a folder. In the folder's own order (newest first) it fetches just that page's
 * sequence range; sorted or searched, the server sorts/searches (SORT, SEARCH) and only the
 * page's UIDs are fetched. Either way only 50 envelopes cross the wire.
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
      const messages: MessageSummary[] = [];
      if (total > 0) for await (const m of client.fetch(`${start}:${end}`, FETCH_FIELDS)) messages.push(toSummary(m));
      messages.sort((a, b) => b.uid - a.uid);
      return { ...base, total, page, pageCount, messages };
    }
    const uids = await orderedUids(client, mailbox, query, search);
    const pageCount = Math.max(1, Math.ceil(uids.length / PAGE_SIZE));
    const page = Math.min(Math.max(1, Math.floor(opts.page) || 1), pageCount);
    const slice = uids.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
    const byUid = new Map<number, MessageSummary>();
    if (slice.length) {
      for await (const m of client.fetch(slice.join(","), FETCH_FIELDS, { uid: true })) byUid.set(m.uid, toSummary(m));
    }
    const messages = slice.map((uid) => byUid.get(uid)).filter((m): m is MessageSummary => !!m);
    return { ...base, total: uids.length, page, pageCount, messages };
  });
}
