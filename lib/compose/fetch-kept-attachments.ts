import type { Readable } from "node:stream";
import { PosternError } from "@/lib/http/errors";
import { downloadPart } from "@/lib/imap/download-part";
import type { ImapIdentity } from "@/lib/imap/session-pool";
import type { OutgoingAttachment } from "@/lib/smtp/build-message";
import type { KeptAttachment } from "./compose-types";

function tooLarge(): PosternError {
  return new PosternError("MESSAGE_TOO_LARGE", "The attachments are larger than the largest message you can send. Remove some of them.");
}

async function readAll(stream: Readable, budget: { left: number }): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) {
    budget.left -= (chunk as Buffer).length;
    if (budget.left < 0) {
      stream.destroy();
      throw tooLarge();
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * The bytes of files that already sit on the IMAP server (a forwarded message's, a saved
 * draft's), decoded, one after the other on the session's connection. Name and type come from
 * the server's part, falling back to what the composer showed.
 * @param maxBytes decoded bytes allowed in all; more is MESSAGE_TOO_LARGE
 * @throws PosternError NOT_FOUND (the message or part is gone) | MESSAGE_TOO_LARGE | IMAP_UNAVAILABLE
 */
export async function fetchKeptAttachments(imap: ImapIdentity, kept: KeptAttachment[], maxBytes: number): Promise<OutgoingAttachment[]> {
  const budget = { left: maxBytes };
  const out: OutgoingAttachment[] = [];
  for (const k of kept) {
    if (k.size > budget.left) throw tooLarge();
    // No part number: the whole message, attached as message/rfc822 (forward as attachment).
    const whole = k.partId === "";
    const part = await downloadPart(imap, { folder: k.folder, uid: k.uid, part: whole ? undefined : k.partId }).catch((e: unknown) => {
      throw e instanceof PosternError && e.code === "NOT_FOUND"
        ? new PosternError("NOT_FOUND", `The attachment “${k.filename}” is no longer on the server. Remove it and attach the file again.`, { cause: e })
        : e;
    });
    const content = await readAll(part.stream, budget);
    out.push(
      whole
        ? { filename: k.filename, contentType: "message/rfc822", content }
        : { filename: part.filename ?? k.filename, contentType: part.contentType || k.contentType, content },
    );
  }
  return out;
}
