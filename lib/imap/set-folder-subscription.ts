import { PosternError } from "@/lib/http/errors";
import { listAllFolders, requireFolder } from "./folder-lookup";
import { isProtectedFolder, protectedRole } from "./folder-protection";
import type { ImapIdentity } from "./session-pool";
import { withConnection } from "./with-mailbox";

/**
 * Subscribes to a folder (it shows in the folder tree) or unsubscribes (it is kept on the server,
 * hidden from the tree, still listed under "Manage folders"). INBOX and the special-use folders
 * are always shown: the tree shows INBOX regardless, and Dovecot's `auto = subscribe` keeps
 * reporting special-use folders as subscribed after an UNSUBSCRIBE, so the switch would do nothing.
 * @throws PosternError FORBIDDEN (unsubscribing a protected folder) | NOT_FOUND | BAD_REQUEST (server refused) | IMAP_UNAVAILABLE
 */
export async function setFolderSubscription(id: ImapIdentity, opts: { path: string; subscribed: boolean }): Promise<void> {
  return withConnection(id, async (client) => {
    const folder = requireFolder(await listAllFolders(client), opts.path);
    if (!opts.subscribed && isProtectedFolder(folder)) {
      throw PosternError.detailed("FORBIDDEN", "folderAlwaysShown", { folder: folder.path, role: protectedRole(folder) });
    }
    if (Boolean(folder.subscribed) === opts.subscribed) return;
    // imapflow reports a refused (UN)SUBSCRIBE as false rather than throwing.
    const ok = opts.subscribed ? await client.mailboxSubscribe(folder.path) : await client.mailboxUnsubscribe(folder.path);
    if (ok) return;
    if (!client.usable) throw new Error("connection lost during (UN)SUBSCRIBE"); // withConnection retries
    const verb = opts.subscribed ? "subscribe to" : "unsubscribe from";
    throw new PosternError("BAD_REQUEST", `The mail server refused to ${verb} “${folder.path}”.`);
  });
}
