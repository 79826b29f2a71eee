import { parseAddressHeader } from "mailparser";
import type { MessageRef } from "@/lib/compose/compose-types";
import { parseHeaderFields } from "@/lib/imap/read-header-fields";
import type { ImapIdentity } from "@/lib/imap/session-pool";
import { withMailbox } from "@/lib/imap/with-mailbox";
import { convertAddresses } from "@/lib/mime/convert-addresses";
import type { Address } from "@/lib/mime/types";
import { decodeWords } from "@/lib/threads/decode-words";

/** RFC 3503: the keyword that says a receipt was sent, or declined, for this message. */
export const MDN_SENT = "$MDNSent";

const FIELDS = ["disposition-notification-to", "original-recipient", "message-id", "subject", "date", "from", "to"];

/** A message's request for a read receipt. */
export type MdnRequest = {
  notifyTo: Address;
  originalRecipient: string | null;
  messageId: string | null;
  subject: string;
  date: string | null;
  /** The original's main header fields as they are, for the receipt's text/rfc822-headers part. */
  headerBlock: string;
  /** A receipt was already sent or declined (RFC 3503 $MDNSent). */
  answered: boolean;
};

/** The request in a message's header fields, or null when it asks for none (or nobody valid). */
export function readMdnRequest(fields: Record<string, string>, flags: Set<string>): Omit<MdnRequest, "headerBlock"> | null {
  const value = fields["disposition-notification-to"];
  if (!value) return null;
  const [notifyTo] = convertAddresses(parseAddressHeader(value)).filter((a) => /^[^\s@]+@[^\s@]+$/.test(a.address));
  if (!notifyTo) return null;
  return {
    notifyTo,
    originalRecipient: fields["original-recipient"] ?? null,
    messageId: fields["message-id"] ?? null,
    subject: decodeWords(fields.subject ?? ""),
    date: fields.date ?? null,
    answered: flags.has(MDN_SENT),
  };
}

/**
 * Whether the message at `ref` asks for a read receipt: a small FETCH of a few header fields
 * (BODY.PEEK, nothing marked), read fresh from the server each time: the address a receipt goes
 * to is never taken from the browser.
 * @throws PosternError NOT_FOUND (no such folder) | IMAP_UNAVAILABLE
 */
export async function fetchMdnRequest(imap: ImapIdentity, ref: MessageRef): Promise<MdnRequest | null> {
  return withMailbox(imap, ref.folder, async ({ client }) => {
    const msg = await client.fetchOne(String(ref.uid), { uid: true, flags: true, headers: FIELDS }, { uid: true });
    if (!msg) return null;
    const block = msg.headers?.toString("utf8") ?? "";
    const request = readMdnRequest(parseHeaderFields(block), msg.flags ?? new Set());
    if (!request) return null;
    const headerBlock = block.split(/\r?\n(?![ \t])/).filter((line) => line && !/^disposition-notification-to:/i.test(line)).join("\r\n");
    return { ...request, headerBlock };
  });
}
