import type { ImapFlow, ListResponse } from "imapflow";
import { PosternError } from "@/lib/http/errors";
import { samePath } from "./folder-path";

/** Every folder, subscribed or not, with special-use roles (one LIST, plus LSUB on old servers). */
export function listAllFolders(client: ImapFlow): Promise<ListResponse[]> {
  return client.list();
}

export type SpecialUse = "\\Trash" | "\\Junk" | "\\Sent" | "\\Drafts" | "\\Archive";

/** The folder with a special-use role (RFC 6154), if the server names one. */
export function findSpecialFolder(folders: ListResponse[], use: SpecialUse): ListResponse | undefined {
  return folders.find((f) => f.specialUse === use);
}

export function findFolder(folders: ListResponse[], path: string): ListResponse | undefined {
  return folders.find((f) => samePath(f.path, path, f.delimiter));
}

/** @throws PosternError NOT_FOUND */
export function requireFolder(folders: ListResponse[], path: string): ListResponse {
  const found = findFolder(folders, path);
  if (!found) throw PosternError.detailed("NOT_FOUND", "folderMissing", { folder: path });
  return found;
}

/**
 * The hierarchy delimiter for top-level names: the personal namespace's (NAMESPACE), else what
 * LIST reported. null means a flat server without subfolders.
 */
export function topLevelDelimiter(client: ImapFlow, folders: ListResponse[]): string | null {
  return client.namespace?.delimiter || folders.find((f) => f.delimiter)?.delimiter || null;
}
