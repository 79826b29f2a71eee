// Folder names are the server's, except the special-use ones at the top level (RFC 6154): Inbox,
// Drafts, Sent, Junk, Trash and Archive are shown in the reader's language, as mail programs do,
// whatever the server calls them ("INBOX", "Sent Items", "Gesendet").
import { getTranslations } from "next-intl/server";

const ROLES: Record<string, "inbox" | "drafts" | "sent" | "junk" | "trash" | "archive"> = {
  "\\Inbox": "inbox",
  "\\Drafts": "drafts",
  "\\Sent": "sent",
  "\\Junk": "junk",
  "\\Trash": "trash",
  "\\Archive": "archive",
};

type Named = { name: string; specialUse: string | null; depth: number };

/** `folders` with the special-use folders' names in this request's language. */
export async function localizeFolderNames<F extends Named>(folders: F[]): Promise<F[]> {
  const t = await getTranslations("folderNames");
  return folders.map((f) => {
    const role = f.depth === 0 && f.specialUse ? ROLES[f.specialUse] : undefined;
    return role ? { ...f, name: t(role) } : f;
  });
}
