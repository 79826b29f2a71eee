import { modelBytes, type SparseModel } from "./sparse-model";

// Spam learner models kept in this process's memory, least recently used dropped first. What keeps
// a copy right when another process trains the account: it is returned only for the version the
// caller just read from the database (weight-store.ts), and every write moves that version.

/** A few hundred active accounts' models (a full one is 2.4 MB). */
const CACHE_BYTES = 256 * 1024 * 1024;

type Entry = { version: number; model: SparseModel };
type Cache = { entries: Map<string, Entry>; bytes: number };

// on globalThis: Next may load this module more than once in one process
const holder = globalThis as unknown as { posternSpamModels?: Cache };
const cache = (): Cache => (holder.posternSpamModels ??= { entries: new Map(), bytes: 0 });

export function cachedModel(account: string, version: number): SparseModel | null {
  const c = cache();
  const entry = c.entries.get(account);
  if (!entry || entry.version !== version) return null;
  c.entries.delete(account); // re-inserted: now the most recently used
  c.entries.set(account, entry);
  return entry.model;
}

export function rememberModel(account: string, version: number, model: SparseModel): void {
  const c = cache();
  forgetCachedModel(account);
  c.entries.set(account, { version, model });
  c.bytes += modelBytes(model);
  for (const [oldest, entry] of c.entries) {
    if (c.bytes <= CACHE_BYTES || oldest === account) break;
    c.entries.delete(oldest);
    c.bytes -= modelBytes(entry.model);
  }
}

export function forgetCachedModel(account: string): void {
  const c = cache();
  const entry = c.entries.get(account);
  if (!entry) return;
  c.entries.delete(account);
  c.bytes -= modelBytes(entry.model);
}
