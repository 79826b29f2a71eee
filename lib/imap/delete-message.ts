import type { ImapIdentity } from "./session-pool";
import { withMailbox } from "./with-mailbox";

/**
 * Removes one message for good (\Deleted + UID EXPUNGE, so other messages marked \Deleted by
 * another client stay): the previous version of a draft, a sent draft. No Trash: a replaced
 * draft is not something the user deleted.
 * @throws PosternError NOT_FOUND (no such folder) | IMAP_UNAVAILABLE
 */
export async function deleteMessage(id: ImapIdentity, opts: { folder: string; uid: number }): Promise<void> {
  await withMailbox(id, opts.folder, async ({ client, mailbox }) => {
    if (mailbox.exists === 0) return;
    await client.messageDelete(String(opts.uid), { uid: true });
  });
}
