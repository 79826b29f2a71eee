import { PosternError } from "@/lib/http/errors";
import { toFolderCommandError } from "./folder-command-error";
import { findFolder, listAllFolders, requireFolder, topLevelDelimiter } from "./folder-lookup";
import { validateFolderName } from "./folder-name";
import { joinFolderPath } from "./folder-path";
import type { ImapIdentity } from "./session-pool";
import { withConnection } from "./with-mailbox";

/**
 * Creates (and subscribes, so it shows in the tree) a folder named `name`, at the top level or
 * inside `parent`. The name is one level: the server's delimiter joins it to the parent, and
 * imapflow sends it in modified UTF-7 (RFC 3501 5.1.3) when the server lacks UTF8=ACCEPT.
 * @returns the new folder's full path
 * @throws PosternError BAD_REQUEST (bad name, parent cannot hold subfolders) | NOT_FOUND (parent) | CONFLICT (exists) | IMAP_UNAVAILABLE
 */
export async function createFolder(id: ImapIdentity, opts: { name: string; parent?: string | null }): Promise<{ path: string }> {
  let sent = false;
  return withConnection(id, async (client) => {
    const folders = await listAllFolders(client);
    const parent = opts.parent ? requireFolder(folders, opts.parent) : null;
    const delimiter = parent ? parent.delimiter || null : topLevelDelimiter(client, folders);
    if (parent && (!delimiter || parent.flags.has("\\Noinferiors"))) {
      throw PosternError.detailed("BAD_REQUEST", "folderNoChildren", { folder: parent.path });
    }
    const name = validateFolderName(opts.name, delimiter);
    const path = joinFolderPath(parent?.path, name, delimiter);
    const existing = findFolder(folders, path);
    // A retry after the connection dropped mid-CREATE finds the folder our first attempt made.
    if (existing && sent) return { path: existing.path };
    if (existing && !existing.flags.has("\\Noselect")) {
      throw PosternError.detailed("CONFLICT", "folderExists", { folder: path });
    }
    sent = true;
    const res = await client.mailboxCreate(path).catch((e: unknown) => {
      throw toFolderCommandError(e, client, `create “${path}”`);
    });
    // imapflow answers ALREADYEXISTS with created: false instead of an error.
    if (!res.created) throw new PosternError("CONFLICT", `A folder “${path}” already exists.`);
    return { path: res.path };
  });
}
