import type { ImapFlow } from "imapflow";
import { PosternError } from "@/lib/http/errors";
import { findSpecialFolder, listAllFolders, type SpecialUse } from "./folder-lookup";

export type StoredMessage = { folder: string; uid: number };

// Names servers without SPECIAL-USE (RFC 6154) commonly give these folders, lower case.
const USUAL_NAMES: Partial<Record<SpecialUse, string[]>> = {
  "\\Sent": ["sent", "sent items", "sent messages", "inbox.sent", "inbox/sent"],
  "\\Drafts": ["drafts", "inbox.drafts", "inbox/drafts"],
};

const LABEL: Partial<Record<SpecialUse, string>> = { "\\Sent": "Sent", "\\Drafts": "Drafts" };

/**
 * The path of a special-use folder: the one the server marks (RFC 6154), else one with the usual
 * name. @throws PosternError NOT_FOUND when there is neither.
 */
export async function requireSpecialFolder(client: ImapFlow, use: SpecialUse): Promise<string> {
  const folders = await listAllFolders(client);
  const marked = findSpecialFolder(folders, use);
  const named = folders.find((f) => USUAL_NAMES[use]?.includes(f.path.toLowerCase()));
  const path = (marked ?? named)?.path;
  if (!path) throw new PosternError("NOT_FOUND", `Your mail account has no ${LABEL[use] ?? use} folder.`);
  return path;
}

/**
 * APPENDs the exact bytes with the given flags and returns where they went. The UID comes from
 * APPENDUID (UIDPLUS); without it, the message is found again by its Message-ID.
 * @throws PosternError NOT_FOUND when the server did not store it
 */
export async function appendMessage(
  client: ImapFlow,
  folder: string,
  raw: Buffer,
  opts: { flags: string[]; messageId: string },
): Promise<StoredMessage> {
  const res = await client.append(folder, raw, opts.flags);
  if (!res) throw new PosternError("NOT_FOUND", `The message could not be stored in "${folder}".`);
  if (res.uid) return { folder: res.destination || folder, uid: res.uid };
  const lock = await client.getMailboxLock(folder);
  try {
    const found = await client.search({ header: { "message-id": opts.messageId } }, { uid: true });
    const uid = found ? Math.max(0, ...found) : 0;
    if (!uid) throw new PosternError("NOT_FOUND", `The message stored in "${folder}" cannot be found again.`);
    return { folder, uid };
  } finally {
    lock.release();
  }
}
