import { PosternError } from "@/lib/http/errors";
import { openMessage } from "@/lib/imap/open-message";
import { readHeaderFields } from "@/lib/imap/read-header-fields";
import type { ImapIdentity } from "@/lib/imap/session-pool";
import { withMailbox } from "@/lib/imap/with-mailbox";
import type { AttachmentInfo, ParsedMessage } from "@/lib/mime/types";
import type { KeptAttachment, MessageRef } from "./compose-types";

export type SourceMessage = { ref: MessageRef; message: ParsedMessage; headers: Record<string, string> };

/**
 * A message to answer, forward or continue: parsed (without marking it read: opening the
 * composer is not reading), plus header fields the parsed view leaves out.
 * @throws PosternError NOT_FOUND | BAD_REQUEST (too large to parse) | IMAP_UNAVAILABLE
 */
export async function loadSource(imap: ImapIdentity, ref: MessageRef, headerNames: string[]): Promise<SourceMessage> {
  const opened = await openMessage(imap, { folder: ref.folder, uid: ref.uid, markSeen: false });
  if (!opened.message) {
    throw new PosternError("BAD_REQUEST", "This message is too large to be answered or forwarded here. Download it instead.");
  }
  const headers = await withMailbox(imap, ref.folder, ({ client }) => readHeaderFields(client, ref.uid, headerNames));
  return { ref, message: opened.message, headers: headers ?? {} };
}

/** Files of a message that a forward or a continued draft carries along: the parts the user
 * would download, not renderings of the body and not files unpacked from inside another part. */
export function carriedAttachments(ref: MessageRef, attachments: AttachmentInfo[]): KeptAttachment[] {
  return attachments
    .filter((a) => !a.member && !a.alternative && !a.unpacked)
    .map((a) => ({ ...ref, partId: a.partId, filename: a.filename, contentType: a.contentType, size: a.size }));
}
