import { deriveKey } from "@/lib/auth/secret-key";
import { getDb } from "@/lib/db/client";
import type { ThreadableMessage } from "./jwz";
import { secretKeys, type KeyFn } from "./keyed-headers";
import { packThreadHeaders, unpackThreadHeaders } from "./pack-thread-headers";

/** Folders smaller than this are threaded from their headers each time: that is quick. */
export const STORE_THREADS_FROM = 2_000;
/** Folders kept per account, the least recently threaded dropped first (~3 MB per 100k messages). */
export const STORED_FOLDERS_PER_ACCOUNT = 4;

const accountKey = (account: string) => account.trim().toLowerCase();

let keys: KeyFn | undefined;
/** The installation's key function: every process must key alike (POSTERN_SECRET_KEY). */
export function threadHeaderKeys(): KeyFn {
  keys ??= secretKeys(deriveKey("thread-headers"));
  return keys;
}

/** A folder's stored threading headers for this UIDVALIDITY, or null (none, another
 * UIDVALIDITY, or unreadable: then the folder is threaded from its headers again). */
export async function loadThreadHeaders(account: string, folder: string, uidValidity: string): Promise<ThreadableMessage[] | null> {
  const row = await getDb().threadHeaders.findUnique({ where: { account_folder: { account: accountKey(account), folder } } });
  if (!row || row.uidValidity !== uidValidity) return null;
  return unpackThreadHeaders(row.headers);
}

export async function saveThreadHeaders(account: string, folder: string, uidValidity: string, messages: readonly ThreadableMessage[]): Promise<void> {
  const db = getDb();
  const key = { account: accountKey(account), folder };
  const data = { uidValidity, headers: packThreadHeaders(messages), messages: messages.length, updatedAt: new Date() };
  await db.threadHeaders.upsert({ where: { account_folder: key }, create: { ...key, ...data }, update: data });
  const stale = await db.threadHeaders.findMany({
    where: { account: key.account },
    orderBy: { updatedAt: "desc" },
    skip: STORED_FOLDERS_PER_ACCOUNT,
    select: { folder: true },
  });
  if (stale.length) await db.threadHeaders.deleteMany({ where: { account: key.account, folder: { in: stale.map((s) => s.folder) } } });
}
