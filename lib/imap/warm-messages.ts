import type { ParsedMessage } from "@/lib/mime/types";

/**
 * Messages read ahead (the next one in the list while one is read), kept parsed so that opening
 * one costs a FETCH of its flags instead of its bytes and a parse.
 *
 * Why it stays right when another process or client changes the mailbox: the key holds the
 * folder's UIDVALIDITY and the UID, and a message's bytes never change under one UIDVALIDITY and
 * UID (RFC 3501 2.3.1.1: a changed message is a new UID). Flags are not kept: opening reads them
 * fresh, and a message expunged meanwhile answers that FETCH with nothing (NOT_FOUND), as
 * without the cache. Entries are per session (its pool key), so no other user can read them.
 * Bounded: MAX_ENTRIES in all, each at most WARM_MAX_BYTES of source, TTL_MS old at most.
 */
export const WARM_MAX_BYTES = 256 * 1024;
const MAX_ENTRIES = 64;
const TTL_MS = 60_000;

export type WarmMessage = { size: number; fetchedBytes: number; message: ParsedMessage; source?: Buffer };
type Entry<T> = { value: T; at: number };

export class WarmCache<T> {
  // Map iteration follows insertion order: the oldest entry is first.
  private readonly entries = new Map<string, Entry<T>>();

  constructor(
    private readonly now = () => Date.now(),
    private readonly maxEntries = MAX_ENTRIES,
  ) {}

  /** Takes the entry out: a message is opened once, and the next read has its own warm entry. */
  take(key: WarmKey): T | undefined {
    const k = keyOf(key);
    const entry = this.entries.get(k);
    if (!entry) return undefined;
    this.entries.delete(k);
    if (this.now() - entry.at > TTL_MS) return undefined;
    return entry.value;
  }

  has(key: WarmKey): boolean {
    const entry = this.entries.get(keyOf(key));
    return entry !== undefined && this.now() - entry.at <= TTL_MS;
  }

  put(key: WarmKey, value: T): void {
    const k = keyOf(key);
    this.entries.delete(k);
    this.entries.set(k, { value, at: this.now() });
    for (const old of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries) break;
      this.entries.delete(old);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}

export type WarmKey = { session: string; folder: string; uidValidity: bigint | number | string; uid: number };

const keyOf = (k: WarmKey) => `${k.session}\u0000${k.folder}\u0000${String(k.uidValidity)}\u0000${k.uid}`;

const holder = globalThis as unknown as { posternWarmCaches?: Map<string, WarmCache<unknown>> };

/** A process-wide cache by name (on globalThis, like the session pool, across Next dev reloads). */
export function warmCache<T>(name: string): WarmCache<T> {
  holder.posternWarmCaches ??= new Map();
  let cache = holder.posternWarmCaches.get(name);
  if (!cache) holder.posternWarmCaches.set(name, (cache = new WarmCache<unknown>()));
  return cache as WarmCache<T>;
}

/** Parsed messages read ahead (open-message.ts). */
export const getWarmMessages = () => warmCache<WarmMessage>("messages");

/** The message after `uid` in the list as shown (what "next", j or ↓, opens), or null. */
export function messageAfter(uids: readonly number[], uid: number): number | null {
  const i = uids.indexOf(uid);
  return i >= 0 && i + 1 < uids.length ? uids[i + 1] : null;
}
