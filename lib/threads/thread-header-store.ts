import zlib from "node:zlib";
import { deriveKey } from "@/lib/auth/secret-key";
import { getDb } from "@/lib/db/client";
import type { ThreadableMessage } from "./jwz";
import { secretKeys, type KeyFn } from "./keyed-headers";
import { packThreadHeaders, unpackThreadHeaders } from "./pack-thread-headers";

/** Folders smaller than this are threaded from their headers each time: that is quick. */
export const STORE_THREADS_FROM = 2_000;
/** Folders kept per account, the least recently threaded dropped first (~3 MB per 100k messages). */
export const STORED_FOLDERS_PER_ACCOUNT = 4;
/** Changes kept beside the full blob before it is written again: a tenth of the folder, at least
 * this many. A change then writes kilobytes, and the 3 MB of a 100k folder once per 10,000. */
export const DELTA_MIN = 2_000;

const accountKey = (account: string) => account.trim().toLowerCase();

let keys: KeyFn | undefined;
/** The installation's key function: every process must key alike (POSTERN_SECRET_KEY). */
export function threadHeaderKeys(): KeyFn {
  keys ??= secretKeys(deriveKey("thread-headers"));
  return keys;
}

/** What loadThreadHeaders found: the messages, and the UIDs of the full blob they came from. */
export type StoredThreadHeaders = { messages: ThreadableMessage[]; base: ReadonlySet<number> };

/**
 * A folder's stored threading headers for this UIDVALIDITY, or null (none, another UIDVALIDITY, or
 * unreadable: then the folder is threaded from its headers again). A UID's headers never change
 * under one UIDVALIDITY, so rows written by several processes in any order only ever hold true
 * entries: at worst some that are gone (dropped by the caller) or missing (fetched again).
 */
export async function loadThreadHeaders(account: string, folder: string, uidValidity: string): Promise<StoredThreadHeaders | null> {
  const row = await getDb().threadHeaders.findUnique({ where: { account_folder: { account: accountKey(account), folder } } });
  if (!row || row.uidValidity !== uidValidity) return null;
  const base = unpackThreadHeaders(row.headers);
  if (!base) return null;
  const byUid = new Map(base.map((m) => [m.id, m]));
  const baseUids = new Set(byUid.keys());
  for (const uid of unpackUids(row.gone)) byUid.delete(uid);
  for (const m of (row.added && unpackThreadHeaders(row.added)) ?? []) byUid.set(m.id, m);
  return { messages: [...byUid.values()], base: baseUids };
}

/** Stores the folder's headers: as a change to the full blob `stored` came from while the changes
 * stay small, else as a new full blob. */
export async function saveThreadHeaders(
  account: string,
  folder: string,
  uidValidity: string,
  messages: readonly ThreadableMessage[],
  stored: StoredThreadHeaders | null = null,
): Promise<void> {
  const db = getDb();
  const key = { account: accountKey(account), folder };
  if (stored && (await saveDelta(key, uidValidity, messages, stored.base))) return;
  const data = { uidValidity, headers: packThreadHeaders(messages), messages: messages.length, added: null, gone: null, updatedAt: new Date() };
  await db.threadHeaders.upsert({ where: { account_folder: key }, create: { ...key, ...data }, update: data });
  const stale = await db.threadHeaders.findMany({
    where: { account: key.account },
    orderBy: { updatedAt: "desc" },
    skip: STORED_FOLDERS_PER_ACCOUNT,
    select: { folder: true },
  });
  if (stale.length) await db.threadHeaders.deleteMany({ where: { account: key.account, folder: { in: stale.map((s) => s.folder) } } });
}

/** Writes what changed since the full blob `base`; false when that is too much (or the row is
 * gone or of another UIDVALIDITY), and the caller writes a new full blob. */
async function saveDelta(
  key: { account: string; folder: string },
  uidValidity: string,
  messages: readonly ThreadableMessage[],
  base: ReadonlySet<number>,
): Promise<boolean> {
  const now = new Set(messages.map((m) => m.id));
  const added = messages.filter((m) => !base.has(m.id));
  const gone = [...base].filter((uid) => !now.has(uid));
  if (added.length + gone.length > Math.max(DELTA_MIN, base.size / 10)) return false;
  const { count } = await getDb().threadHeaders.updateMany({
    where: { ...key, uidValidity },
    data: { added: added.length ? packThreadHeaders(added) : null, gone: gone.length ? packUids(gone) : null, messages: messages.length, updatedAt: new Date() },
  });
  return count === 1;
}

function packUids(uids: readonly number[]): Uint8Array<ArrayBuffer> {
  const packed = zlib.deflateRawSync(Buffer.from(Uint32Array.from(uids).buffer), { level: 1 });
  return new Uint8Array(packed.buffer.slice(packed.byteOffset, packed.byteOffset + packed.byteLength) as ArrayBuffer);
}

/** The UIDs of a blob made by packUids; none when it is not one (never throws). */
function unpackUids(blob: Uint8Array | null): Uint32Array {
  if (!blob) return new Uint32Array(0);
  try {
    const raw = zlib.inflateRawSync(blob, { maxOutputLength: 64 * 1024 * 1024 });
    return new Uint32Array(Uint8Array.prototype.slice.call(raw, 0, raw.length - (raw.length % 4)).buffer);
  } catch {
    return new Uint32Array(0);
  }
}
