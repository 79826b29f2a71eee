import { appendMessage, requireSpecialFolder } from "@/lib/imap/append-message";
import { deleteMessage } from "@/lib/imap/delete-message";
import type { ImapIdentity } from "@/lib/imap/session-pool";
import { withConnection } from "@/lib/imap/with-mailbox";
import { buildMessage } from "@/lib/smtp/build-message";
import type { KeptAttachment, SaveDraftResult } from "./compose-types";
import { fetchKeptAttachments } from "./fetch-kept-attachments";
import { toDraftMessage, type ComposeSubmission } from "./submission";

/**
 * Saves a new version of the draft: APPENDs it to the Drafts folder (\Draft \Seen), then removes
 * the previous version, in that order so that a failure in between leaves two copies rather than
 * none. Its files are answered as references into the new version, so the browser uploads each
 * file once and later saves copy it on the server.
 * @param maxBytes the send limit: a draft that could never be sent is refused early
 * @throws PosternError NOT_FOUND (no Drafts folder, an attachment gone) | MESSAGE_TOO_LARGE | IMAP_UNAVAILABLE
 */
export async function saveDraft(imap: ImapIdentity, s: ComposeSubmission, maxBytes: number): Promise<SaveDraftResult> {
  const kept = await fetchKeptAttachments(imap, s.kept, maxBytes);
  const attachments = [...kept, ...s.uploads];
  const built = await buildMessage(toDraftMessage(s, attachments, { maxBytes }));
  const stored = await withConnection(imap, async (client) => {
    const folder = await requireSpecialFolder(client, "\\Drafts");
    return appendMessage(client, folder, built.raw, { flags: ["\\Draft", "\\Seen"], messageId: built.messageId });
  });
  // Only ever the previous version in Drafts: a message opened "as draft" from elsewhere stays.
  const previous = s.draft;
  if (previous && previous.folder === stored.folder && previous.uid !== stored.uid) {
    await deleteMessage(imap, previous).catch((e: unknown) => console.warn("[draft] previous version not removed:", e));
  }
  const refs: KeptAttachment[] = built.attachments.map((a) => ({ ...stored, ...a }));
  return { draft: stored, attachments: refs };
}
