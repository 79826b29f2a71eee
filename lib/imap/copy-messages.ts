import type { MessageSelection } from "./message-selection";
import { toUidSet } from "./message-selection";
import { listAllFolders, requireFolder } from "./folder-lookup";
import type { ImapIdentity } from "./session-pool";
import { withMailbox } from "./with-mailbox";
import type { MoveResult } from "./move-messages";
import { PosternError } from "@/lib/http/errors";

/**
 * Copies the selected messages of `folder` into `to` (UID COPY); the originals stay. Returns the
 * copies' UIDs (COPYUID), which is what undoing the copy needs: deleting those.
 * @throws PosternError NOT_FOUND | BAD_REQUEST | IMAP_UNAVAILABLE
 */
export async function copyMessages(
  id: ImapIdentity,
  opts: { folder: string; selection: MessageSelection; to: string },
): Promise<MoveResult> {
  if (opts.to === opts.folder) throw new PosternError("BAD_REQUEST", "The messages are already in that folder.");
  return withMailbox(id, opts.folder, async ({ client, mailbox }) => {
    if (mailbox.exists === 0) return { folder: opts.to, uids: [] };
    const target = requireFolder(await listAllFolders(client), opts.to);
    const res = await client.messageCopy(toUidSet(opts.selection), target.path, { uid: true });
    if (!res) throw new PosternError("BAD_REQUEST", `The messages could not be copied to "${target.path}".`);
    return { folder: target.path, uids: [...(res.uidMap?.values() ?? [])].sort((a, b) => a - b) };
  });
}
