import { decodeText } from "@/lib/mime/decode-text";
import { decodeWords } from "./decode-words";

/** The header fields threading needs, and only those: what `BODY.PEEK[HEADER.FIELDS (...)]` asks for. */
export const THREAD_HEADER_FIELDS = ["message-id", "in-reply-to", "references", "subject", "date"] as const;

export type ThreadHeaders = {
  /** Without angle brackets, or null when missing. */
  messageId: string | null;
  references: string[];
  inReplyTo: string | null;
  subject: string;
  /** ms since the epoch, or null when missing or unreadable. */
  date: number | null;
};

const MSG_ID = /<([^<>\s]+)>/g;

/** The Message-IDs in a header value, brackets removed; a lone bare token when there are none
 * (some broken clients omit the brackets). */
export function readMessageIds(value: string | undefined): string[] {
  if (!value) return [];
  const ids = [...value.matchAll(MSG_ID)].map((m) => m[1]);
  if (ids.length) return ids;
  const bare = value.trim();
  return bare && !/\s/.test(bare) ? [bare] : [];
}

/** The first occurrence of each field, unfolded. */
/** A fetched header block's fields by lower-case name (the first of each), unfolded and decoded
 * from raw 8-bit bytes; encoded words are left for decodeWords. */
export function parseHeaderBlock(raw: Buffer): Map<string, string> {
  // Raw 8-bit headers are usually UTF-8; decodeText guesses the legacy charset when they are not.
  const text = decodeText(raw).replace(/\r?\n[ \t]+/g, " ");
  const fields = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!fields.has(name)) fields.set(name, line.slice(colon + 1).trim());
  }
  return fields;
}

/** Reads a fetched header block (the bytes imapflow returns for `headers: [...]`). */
export function readThreadHeaders(raw: Buffer): ThreadHeaders {
  const fields = parseHeaderBlock(raw);
  const date = fields.has("date") ? Date.parse(fields.get("date")!) : NaN;
  return {
    messageId: readMessageIds(fields.get("message-id"))[0] ?? null,
    references: readMessageIds(fields.get("references")),
    inReplyTo: readMessageIds(fields.get("in-reply-to"))[0] ?? null,
    subject: decodeWords(fields.get("subject") ?? ""),
    date: Number.isNaN(date) ? null : date,
  };
}
