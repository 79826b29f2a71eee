/**
 * Counts failures per key (client address, account, ...) in a sliding window and says how long
 * a key must wait once it has too many. Each lockout of a key lasts twice as long as its previous
 * one (growing back-off, up to MAX_LOCKOUT_MS), until the key succeeds or stays quiet for a day.
 * In memory: one Postern process guards itself. Used for sign-in (lib/auth/login-rate-limit.ts)
 * and for guessing read links (lib/read-links).
 */
export class FailureLimiter {
  private readonly failures = new Map<string, number[]>();
  /** Lockouts so far per key, when the current one ends, and the last failure (for forgetting). */
  private readonly lockouts = new Map<string, { count: number; until: number; last: number }>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  /** Seconds until `keys` may try again, or 0 if allowed now. */
  retryAfter(keys: string[], now = Date.now()): number {
    let wait = 0;
    for (const key of keys) {
      const lock = this.lockout(key, now);
      if (lock) wait = Math.max(wait, lock.until - now);
    }
    return Math.ceil(Math.max(0, wait) / 1000);
  }

  recordFailure(keys: string[], now = Date.now()): void {
    for (const key of keys) {
      const recent = [...this.recent(key, now), now];
      if (recent.length < this.max) {
        this.failures.set(key, recent);
        continue;
      }
      // Too many: locked out from the first of them, for twice as long as the last time.
      const count = (this.lockout(key, now)?.count ?? 0) + 1;
      const length = Math.min(this.windowMs * 2 ** (count - 1), MAX_LOCKOUT_MS);
      this.lockouts.set(key, { count, until: recent[0] + length, last: now });
      this.failures.delete(key);
    }
  }

  recordSuccess(keys: string[]): void {
    for (const key of keys) {
      this.failures.delete(key);
      this.lockouts.delete(key);
    }
  }

  /** The key's lockout record while it counts: a quiet day forgets it. */
  private lockout(key: string, now: number): { count: number; until: number; last: number } | null {
    const lock = this.lockouts.get(key);
    if (!lock) return null;
    if (now - Math.max(lock.last, lock.until) > FORGET_AFTER_MS) {
      this.lockouts.delete(key);
      return null;
    }
    return lock;
  }

  private recent(key: string, now: number): number[] {
    const list = (this.failures.get(key) ?? []).filter((t) => t > now - this.windowMs);
    if (list.length) this.failures.set(key, list);
    else this.failures.delete(key);
    return list;
  }
}

/** The longest a key is ever locked out. */
export const MAX_LOCKOUT_MS = 24 * 60 * 60 * 1000;
/** A key with no failure for this long after its lockout starts afresh. */
const FORGET_AFTER_MS = 24 * 60 * 60 * 1000;
