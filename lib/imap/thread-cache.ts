import type { ThreadIndex } from "./thread-index";

/**
 * Why a cache: threading a folder costs a THREAD command or, on servers without one, the
 * threading headers of every message, seconds on a 100,000-message folder. Paging through the
 * thread list or opening a conversation must not pay that again while the folder is unchanged.
 *
 * Why these bounds: an entry takes at most 8 bytes per message (thread-index.ts). 2,000,000 UIDs
 * overall is at most 16 MB per Postern process whatever the number of sessions (twenty 100k
 * folders); three folders per session is what one person pages between (Inbox, Archive, a list).
 * Least recently used entries go first; entries of ended sessions age out the same way.
 */
// Per process, like the IMAP connections it serves: an entry counts only while its folder's version
// (selection-version.ts, advanced by the IMAP server's own notices) is unchanged, so a change made
// through another process or mail client is seen as any other.
export const THREAD_CACHE_MAX_UIDS = 2_000_000;
export const THREAD_CACHE_FOLDERS_PER_SESSION = 3;

type Entry = { sessionId: string; version: string; index: ThreadIndex };

export class ThreadCache {
  // Map iteration follows insertion order: re-inserting on use keeps the least recently used first.
  private readonly entries = new Map<string, Entry>();
  private uids = 0;

  constructor(
    private readonly maxUids = THREAD_CACHE_MAX_UIDS,
    private readonly foldersPerSession = THREAD_CACHE_FOLDERS_PER_SESSION,
  ) {}

  /** The threads of `folder` if they were computed for this `version` of it (see folder-threads.ts). */
  get(sessionId: string, folder: string, version: string): ThreadIndex | undefined {
    const key = cacheKey(sessionId, folder);
    const entry = this.entries.get(key);
    if (!entry || entry.version !== version) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.index;
  }

  set(sessionId: string, folder: string, version: string, index: ThreadIndex): void {
    this.remove(cacheKey(sessionId, folder));
    if (index.uids.length > this.maxUids) return;
    this.entries.set(cacheKey(sessionId, folder), { sessionId, version, index });
    this.uids += index.uids.length;
    const own = [...this.entries].filter(([, e]) => e.sessionId === sessionId);
    for (const [key] of own.slice(0, Math.max(0, own.length - this.foldersPerSession))) this.remove(key);
    for (const [key] of this.entries) {
      if (this.uids <= this.maxUids) break;
      this.remove(key);
    }
  }

  /** Cached messages, for tests and diagnostics. */
  get size(): { entries: number; uids: number } {
    return { entries: this.entries.size, uids: this.uids };
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.uids -= entry.index.uids.length;
  }
}

const cacheKey = (sessionId: string, folder: string) => `${sessionId}\u0000${folder}`;

const holder = globalThis as unknown as { posternThreadCache?: ThreadCache };

/** The process-wide cache (on globalThis, like the session pool, across Next dev reloads). */
export function getThreadCache(): ThreadCache {
  holder.posternThreadCache ??= new ThreadCache();
  return holder.posternThreadCache;
}
