import { PosternError } from "@/lib/http/errors";
import { requireSpecialFolder } from "@/lib/imap/append-message";
import { deleteMessage } from "@/lib/imap/delete-message";
import type { ImapIdentity } from "@/lib/imap/session-pool";
import { withConnection } from "@/lib/imap/with-mailbox";
import type { MessageRef } from "./compose-types";

/**
 * Deletes a saved draft the user discarded. Only in the Drafts folder: the reference comes from
 * the browser, and "discard" must never remove a real message elsewhere.
 * @throws PosternError BAD_REQUEST (not in Drafts) | NOT_FOUND | IMAP_UNAVAILABLE
 */
export async function discardDraft(imap: ImapIdentity, draft: MessageRef): Promise<void> {
  const drafts = await withConnection(imap, (client) => requireSpecialFolder(client, "\\Drafts"));
  if (draft.folder !== drafts) throw new PosternError("BAD_REQUEST", "Only messages in Drafts can be discarded here.");
  await deleteMessage(imap, draft);
}
