import type { ImapFlow } from "imapflow";
import { PosternError } from "@/lib/http/errors";
import { listAllFolders, requireFolder } from "./folder-lookup";
import type { MessageSelection } from "./message-selection";
import { toUidSet } from "./message-selection";
import type { ImapIdentity } from "./session-pool";
import { withMailbox } from "./with-mailbox";

/** Where moved messages went: enough to undo the move (move `uids` from `folder` back). */
export type MoveResult = { folder: string; uids: number[] };

/**
 * Moves messages within an already selected folder. imapflow uses UID MOVE (RFC 6851) when the
 * server advertises it, else COPY + \Deleted + UID EXPUNGE, so the source is only touched once
 * the copy succeeded. The new UIDs come from COPYUID (UIDPLUS).
 */
export async function moveSelected(client: ImapFlow, set: string, to: string): Promise<MoveResult> {
  const res = await client.messageMove(set, to, { uid: true });
  if (!res) throw new PosternError("BAD_REQUEST", `The messages could not be moved to "${to}".`);
  return { folder: to, uids: [...(res.uidMap?.values() ?? [])].sort((a, b) => a - b) };
}

export type TransferOptions = { folder: string; selection: MessageSelection; to: string };

/**
 * What moving and copying share: never into the same folder, the target must exist, an empty
 * folder is a no-op; `transfer` does the IMAP command on the selected folder.
 * @throws PosternError NOT_FOUND | BAD_REQUEST | IMAP_UNAVAILABLE
 */
export async function transferMessages(
  id: ImapIdentity,
  opts: TransferOptions,
  transfer: (client: ImapFlow, set: string, to: string) => Promise<MoveResult>,
): Promise<MoveResult> {
  if (opts.to === opts.folder) throw PosternError.detailed("BAD_REQUEST", "sameFolder");
  return withMailbox(id, opts.folder, async ({ client, mailbox }) => {
    if (mailbox.exists === 0) return { folder: opts.to, uids: [] };
    const target = requireFolder(await listAllFolders(client), opts.to);
    return transfer(client, toUidSet(opts.selection), target.path);
  });
}

/** Moves the selected messages of `folder` to `to`. @throws as transferMessages */
export function moveMessages(id: ImapIdentity, opts: TransferOptions): Promise<MoveResult> {
  return transferMessages(id, opts, moveSelected);
}
