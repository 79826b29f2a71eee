import { PosternError } from "@/lib/http/errors";
import type { MessageSelection } from "./message-selection";
import { toUidSet } from "./message-selection";
import { moveSelected, type MoveResult } from "./move-messages";
import type { ImapIdentity } from "./session-pool";
import { findSpecialFolder, listAllFolders } from "./folder-lookup";
import { withMailbox } from "./with-mailbox";

/** What a delete did: moved to Trash (undoable), or removed for good. */
export type DeleteResult = { kind: "trashed"; moved: MoveResult } | { kind: "expunged"; count: number };

/**
 * Deletes as users expect: to the special-use Trash. `permanent: true` (a confirmed "delete for
 * good", or undoing a copy) removes them instead; inside Trash, or with no Trash at all, removing
 * for good is the only way, and it must be asked for.
 * @throws PosternError BAD_REQUEST (permanent delete not confirmed) | NOT_FOUND | IMAP_UNAVAILABLE
 */
export async function deleteMessages(
  id: ImapIdentity,
  opts: { folder: string; selection: MessageSelection; permanent?: boolean },
): Promise<DeleteResult> {
  return withMailbox(id, opts.folder, async ({ client, mailbox }) => {
    if (mailbox.exists === 0) return { kind: "expunged", count: 0 };
    const set = toUidSet(opts.selection);
    const trash = findSpecialFolder(await listAllFolders(client), "\\Trash")?.path;
    if (!opts.permanent && trash && trash !== opts.folder) return { kind: "trashed", moved: await moveSelected(client, set, trash) };
    if (!opts.permanent) {
      throw new PosternError("BAD_REQUEST", "Deleting here removes the messages for good. Please confirm.");
    }
    const count = "all" in opts.selection ? mailbox.exists : opts.selection.uids.length;
    await client.messageDelete(set, { uid: true });
    return { kind: "expunged", count };
  });
}
