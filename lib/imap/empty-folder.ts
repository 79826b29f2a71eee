import { PosternError } from "@/lib/http/errors";
import { findSpecialFolder, listAllFolders } from "./folder-lookup";
import type { ImapIdentity } from "./session-pool";
import { withConnection, withMailbox } from "./with-mailbox";

/** The folders users empty in one go: what they threw away, and what was filed as spam. */
export type EmptiableUse = "\\Trash" | "\\Junk";

/**
 * Removes every message of the special-use Trash or Junk for good (STORE \Deleted + UID EXPUNGE).
 * Chosen by role, not by path, so no request can empty INBOX. Subfolders are left alone. The
 * caller must have had the user confirm.
 * @returns the folder's path and how many messages it held
 * @throws PosternError NOT_FOUND (the server names no such folder) | IMAP_UNAVAILABLE
 */
export async function emptyFolder(id: ImapIdentity, opts: { specialUse: EmptiableUse }): Promise<{ path: string; removed: number }> {
  const path = await withConnection(id, async (client) =>
    findSpecialFolder(await listAllFolders(client), opts.specialUse)?.path,
  );
  const role = opts.specialUse.slice(1);
  if (!path) throw new PosternError("NOT_FOUND", `Your mail server has no ${role} folder.`);
  return withMailbox(id, path, async ({ client, mailbox }) => {
    const before = mailbox.exists;
    if (before === 0) return { path, removed: 0 };
    // UID 1:* flags exactly what is there now; mail arriving in between is not flagged, so it stays.
    const ok = await client.messageDelete("1:*", { uid: true });
    if (!ok) {
      if (!client.usable) throw new Error("connection lost while emptying"); // withConnection retries
      throw new PosternError("BAD_REQUEST", `The mail server refused to empty ${role}.`);
    }
    return { path, removed: before };
  });
}
