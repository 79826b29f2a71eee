import { createHash } from "node:crypto";
import { splitHeaderBlock } from "@/lib/imap/read-header-fields";
import { isHeaderField } from "@/lib/mime/header-fields";
import { parseMessage } from "@/lib/mime/parse-message";
import { decodeWords } from "@/lib/threads/decode-words";
import type { SpamMessage } from "./spam-message";

/** Where the header block ends: the first empty line. */
function headerBlock(raw: Buffer): string {
  const crlf = raw.indexOf("\r\n\r\n");
  const lf = raw.indexOf("\n\n");
  const end = [crlf, lf].filter((i) => i >= 0).reduce((a, b) => Math.min(a, b), raw.length);
  return raw.subarray(0, end).toString("utf8");
}

export type ReadMessage = { message: SpamMessage; messageId: string | null };

/**
 * A raw RFC 822 message as the filter reads it: header fields with their encoded words decoded,
 * and the body decoded by Postern's own parser (transfer encodings, charsets, broken structure),
 * so that spam cannot hide its words behind base64 or an odd charset.
 */
export async function readSpamMessage(raw: Buffer): Promise<ReadMessage> {
  const parsed = await parseMessage(raw);
  const headers = splitHeaderBlock(headerBlock(raw))
    .filter((h) => isHeaderField({ key: h.name }))
    .map((h) => ({ name: h.name, value: decodeWords(h.value) }));
  return {
    message: {
      headers,
      html: parsed.html,
      text: parsed.html ? null : parsed.text,
      attachments: parsed.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType })),
      from: parsed.from,
      replyTo: parsed.replyTo,
    },
    messageId: parsed.messageId,
  };
}

/**
 * What identifies a message for training and verdicts wherever it is moved: its Message-ID, else
 * a hash of its bytes (a move keeps them). Lower-cased and trimmed of brackets and spaces.
 */
export function messageKey(raw: Buffer, messageId: string | null): string {
  const id = messageId?.trim().replace(/^<|>$/g, "").toLowerCase();
  if (id) return `id:${id}`;
  return `sha256:${createHash("sha256").update(raw).digest("hex")}`;
}
