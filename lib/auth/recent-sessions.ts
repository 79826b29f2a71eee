import { SESSION_CACHE_MS } from "@/lib/limits";

/**
 * Values looked up in the last few seconds, by key. Every API request names its session, and
 * resolving it from scratch (Auth.js's JWE cookie, the SQLite row, AES-GCM of the credentials)
 * costs more CPU than the IMAP work of a list page. Entries live SESSION_CACHE_MS at most, so a
 * session ended elsewhere is honoured within that time; in this process ending one forgets it.
 */
export class RecentValues<V> {
  private readonly entries = new Map<string, { value: V; until: number }>();

  constructor(
    private readonly ttlMs = SESSION_CACHE_MS,
    private readonly max = 10_000,
  ) {}

  get(key: string, now = Date.now()): V | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (e.until > now) return e.value;
    this.entries.delete(key);
    return undefined;
  }

  set(key: string, value: V, now = Date.now()): void {
    this.entries.delete(key);
    this.entries.set(key, { value, until: now + this.ttlMs });
    // Insertion order is expiry order: the first entries are the oldest.
    for (const [k, e] of this.entries) {
      if (this.entries.size <= this.max && e.until > now) break;
      this.entries.delete(k);
    }
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}
