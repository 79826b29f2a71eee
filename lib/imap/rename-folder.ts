import type { ImapFlow } from "imapflow";
import { PosternError } from "@/lib/http/errors";
import { toFolderCommandError } from "./folder-command-error";
import { findFolder, listAllFolders } from "./folder-lookup";
import { validateFolderName } from "./folder-name";
import { isSameOrInside, joinFolderPath, parentPathOf } from "./folder-path";
import { assertNotProtected } from "./folder-protection";
import type { ImapIdentity } from "./session-pool";
import { withConnection } from "./with-mailbox";

/**
 * Gives a folder a new name in the same place (its subfolders move with it, as IMAP RENAME does).
 * Subscriptions follow the folders, whether or not the server moves them itself.
 * @returns the folder's new full path
 * @throws PosternError FORBIDDEN (INBOX, a special-use folder, or one containing such) | NOT_FOUND |
 *   CONFLICT (target exists) | BAD_REQUEST (bad name) | IMAP_UNAVAILABLE
 */
export async function renameFolder(id: ImapIdentity, opts: { path: string; newName: string }): Promise<{ path: string }> {
  let sent: string | null = null;
  return withConnection(id, async (client) => {
    const folders = await listAllFolders(client);
    const folder = findFolder(folders, opts.path);
    // A retry after the connection dropped mid-RENAME: our first attempt already did it.
    if (!folder && sent && findFolder(folders, sent)) return { path: sent };
    if (!folder) throw new PosternError("NOT_FOUND", `The folder “${opts.path}” does not exist.`);
    const delimiter = folder.delimiter || null;
    assertNotProtected(folders, folder, "renamed");
    const name = validateFolderName(opts.newName, delimiter);
    const newPath = joinFolderPath(parentPathOf(folder.path, delimiter), name, delimiter);
    if (newPath === folder.path) return { path: folder.path };
    if (findFolder(folders, newPath)) throw new PosternError("CONFLICT", `A folder “${newPath}” already exists.`);
    const subscribed = folders.filter((f) => f.subscribed && isSameOrInside(f.path, folder.path, delimiter));
    sent = newPath;
    await client.mailboxRename(folder.path, newPath).catch((e: unknown) => {
      throw toFolderCommandError(e, client, `rename “${folder.path}”`);
    });
    await moveSubscriptions(client, subscribed.map((f) => f.path), folder.path, newPath);
    return { path: newPath };
  });
}

/**
 * RFC 3501 leaves it to the server whether RENAME carries subscriptions along. Dovecot 2.3 does
 * not: the renamed folders would vanish from the (subscribed-only) tree and the old names stay in
 * the subscriptions file. Best effort: a failure here leaves the folder renamed but hidden, which
 * "Manage folders" can fix.
 */
async function moveSubscriptions(client: ImapFlow, paths: string[], from: string, to: string): Promise<void> {
  if (!paths.length) return;
  const after = await listAllFolders(client);
  for (const old of paths) {
    const moved = to + old.slice(from.length);
    const now = findFolder(after, moved);
    // imapflow leaves `subscribed` undefined (not false) for unsubscribed folders.
    if (now && !now.subscribed) await client.mailboxSubscribe(moved);
    // A subscription left on the old name would silently apply to a future folder of that name.
    if (!findFolder(after, old)) await client.mailboxUnsubscribe(old);
  }
}
