import type { FetchMessageObject, MessageAddressObject } from "imapflow";
import { PAGE_SIZE } from "@/lib/limits";
import type { Address } from "@/lib/mime/types";
import { hasAttachments } from "./body-structure";
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

/**
 * One page of a folder, newest (highest sequence number) first. Fetches envelope, flags, size and
 * BODYSTRUCTURE of just that page's sequence range: the cost does not grow with the folder.
 * @throws PosternError NOT_FOUND | IMAP_UNAVAILABLE
 */
export async function listMessages(id: ImapIdentity, opts: { folder: string; page: number }): Promise<MessagePage> {
  return withMailbox(id, opts.folder, async ({ client, mailbox }) => {
    const total = mailbox.exists;
    const { page, pageCount, start, end } = pageRange(total, opts.page);
    const messages: MessageSummary[] = [];
    if (total > 0) {
      for await (const m of client.fetch(`${start}:${end}`, {
        uid: true,
        envelope: true,
        flags: true,
        size: true,
        bodyStructure: true,
        internalDate: true,
      })) {
        messages.push(toSummary(m));
      }
    }
    messages.sort((a, b) => b.uid - a.uid);
    return { folder: opts.folder, total, page, pageCount, pageSize: PAGE_SIZE, messages };
  });
}
