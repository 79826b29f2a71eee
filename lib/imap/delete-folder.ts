import { PosternError } from "@/lib/http/errors";
import { toFolderCommandError } from "./folder-command-error";
import { findFolder, listAllFolders } from "./folder-lookup";
import { isSameOrInside } from "./folder-path";
import { assertNotProtected } from "./folder-protection";
import type { ImapIdentity } from "./session-pool";
import { withConnection } from "./with-mailbox";

/**
 * Deletes a folder with its messages and all its subfolders (deepest first: many servers refuse
 * to delete a folder that still has children), and drops their subscriptions. The caller must
 * have had the user confirm: nothing here can be undone.
 * @returns the deleted paths, deepest first
 * @throws PosternError FORBIDDEN (INBOX, a special-use folder, or one containing such) | NOT_FOUND | IMAP_UNAVAILABLE
 */
export async function deleteFolder(id: ImapIdentity, opts: { path: string }): Promise<{ deleted: string[] }> {
  const deleted: string[] = [];
  return withConnection(id, async (client) => {
    const folders = await listAllFolders(client);
    const folder = findFolder(folders, opts.path);
    // A retry after the connection dropped mid-way finds less (or nothing) left to delete.
    if (!folder && deleted.length) return { deleted };
    if (!folder) throw PosternError.detailed("NOT_FOUND", "folderMissing", { folder: opts.path });
    const delimiter = folder.delimiter || null;
    assertNotProtected(folders, folder, "deleted");
    const doomed = folders
      .filter((f) => isSameOrInside(f.path, folder.path, delimiter))
      .sort((a, b) => b.parent.length - a.parent.length || b.path.localeCompare(a.path));
    for (const f of doomed) {
      await client.mailboxDelete(f.path).catch((e: unknown) => {
        const mapped = toFolderCommandError(e, client, `delete “${f.path}”`);
        // Already gone is what we want: on Maildir++ a level that only existed because of its
        // children ("Projects" in "Projects/2026", made by another client) vanishes with them.
        if (mapped instanceof PosternError && mapped.code === "NOT_FOUND") return;
        throw mapped;
      });
      deleted.push(f.path);
      if (f.subscribed) await client.mailboxUnsubscribe(f.path);
    }
    return { deleted };
  });
}
