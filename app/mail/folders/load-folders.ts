import { redirect } from "next/navigation";
import { isPosternError } from "@/lib/http/errors";
import { listFolders, type FolderInfo } from "@/lib/imap/list-folders";
import type { ImapIdentity } from "@/lib/imap/session-pool";

/**
 * Every folder, subscribed or not, for the folder pages; a message to show instead when the mail
 * server cannot answer; sign-in again when it no longer accepts the stored password.
 */
export async function loadAllFolders(imap: ImapIdentity): Promise<{ folders: FolderInfo[] } | { error: string }> {
  try {
    return { folders: await listFolders(imap, { includeUnsubscribed: true }) };
  } catch (e) {
    if (isPosternError(e) && e.code === "INVALID_CREDENTIALS") redirect("/login?reason=expired");
    if (!isPosternError(e)) throw e;
    return { error: e.message };
  }
}
