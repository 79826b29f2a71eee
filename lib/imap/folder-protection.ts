import { PosternError } from "@/lib/http/errors";
import { isSameOrInside } from "./folder-path";

export type FolderFacts = { path: string; delimiter: string | null; specialUse?: string | null };

/**
 * INBOX and every special-use folder (Drafts, Sent, Junk, Trash, Archive, and \All or \Flagged
 * where a server has them): mail clients, Postern included, file mail into them by their role,
 * so renaming or deleting one breaks sending, deleting and spam filing.
 */
export function isProtectedFolder(f: FolderFacts): boolean {
  return f.path.toUpperCase() === "INBOX" || Boolean(f.specialUse);
}

/**
 * The protected folder that renaming or deleting `path` would touch: the folder itself, or one
 * inside it (on servers such as Courier everything lives under INBOX, e.g. "INBOX.Sent").
 */
export function protectedFolderWithin<F extends FolderFacts>(folders: F[], path: string, delimiter: string | null): F | undefined {
  return folders.find((f) => isProtectedFolder(f) && isSameOrInside(f.path, path, delimiter));
}

/** The role to name beside a protected folder in a message ("Sent"), or "none" when its name says it. */
export function protectedRole(f: FolderFacts): string {
  const role = f.path.toUpperCase() === "INBOX" ? "Inbox" : (f.specialUse ?? "").replace(/^\\/, "");
  return role && role !== f.path ? role : "none";
}

/** What to call a protected folder in a message: its role, not only its (maybe localized) name. */
export function describeProtected(f: FolderFacts): string {
  const role = protectedRole(f);
  return role !== "none" ? `“${f.path}” (your ${role} folder)` : `“${f.path}”`;
}

/**
 * Refuses to rename or delete `folder` when that would touch a protected folder, saying which one.
 * `verb` says which ("cannot be deleted", "cannot be renamed").
 */
export function assertNotProtected<F extends FolderFacts>(folders: F[], folder: F, verb: "deleted" | "renamed"): void {
  const guarded = protectedFolderWithin(folders, folder.path, folder.delimiter || null);
  if (!guarded) return;
  const named = { folder: guarded.path, role: protectedRole(guarded) };
  if (guarded === folder) throw PosternError.detailed("FORBIDDEN", verb === "deleted" ? "folderProtectedDelete" : "folderProtectedRename", named);
  throw PosternError.detailed("FORBIDDEN", verb === "deleted" ? "folderContainsProtectedDelete" : "folderContainsProtectedRename", { ...named, parent: folder.path });
}
