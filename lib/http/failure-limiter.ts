import { getDb } from "@/lib/db/client";

/**
 * Counts failures per key (client address, account at an address, ...) in a window and says how
 * long a key must wait once it has `max` of them. Each lockout of a key lasts twice as long as its
 * previous one (growing back-off, up to MAX_LOCKOUT_MS), until the key succeeds or stays quiet for
 * a day. The counts live in the shared database (FailureCount), so every Postern process enforces
 * the same limit: a guesser cannot spread attempts over processes behind a load balancer.
 * Used for sign-in (lib/auth/login-rate-limit.ts) and for guessing read links (lib/read-links).
 */
export class FailureLimiter {
  /**
   * @param scope prefix of this limiter's keys in the table ("login", "read-link-guess")
   * @param max failures in `windowMs` that start a lockout
   */
  constructor(
    private readonly scope: string,
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  /** Seconds until `keys` may try again, or 0 if allowed now. */
  async retryAfter(keys: string[], now = Date.now()): Promise<number> {
    const locked = await getDb().failureCount.findMany({
      where: { key: { in: keys.map((k) => this.id(k)) }, lockedUntil: { gt: BigInt(now) } },
      select: { lockedUntil: true },
    });
    const until = Math.max(now, ...locked.map((r) => Number(r.lockedUntil)));
    return Math.ceil((until - now) / 1000);
  }

  async recordFailure(keys: string[], now = Date.now()): Promise<void> {
    for (const key of keys) await this.recordOne(this.id(key), now);
  }

  async recordSuccess(keys: string[]): Promise<void> {
    await getDb().failureCount.deleteMany({ where: { key: { in: keys.map((k) => this.id(k)) } } });
  }

  private id(key: string): string {
    return `${this.scope}:${key}`;
  }

  private async recordOne(id: string, now: number): Promise<void> {
    const db = getDb();
    const at = BigInt(now);
    const windowOver = BigInt(now - this.windowMs);
    const forgotten = BigInt(now - FORGET_AFTER_MS);
    // One atomic statement per failure, whichever process sees it: a new window when the last one
    // is over, and a quiet day forgets earlier lockouts. SET reads the row as it was before.
    const [row] = await db.$queryRaw<{ failures: number | bigint; windowStart: number | bigint; lockouts: number | bigint }[]>`
      INSERT INTO "FailureCount" ("key", "windowStart", "failures", "lockouts", "lastFailureAt")
      VALUES (${id}, ${at}, 1, 0, ${at})
      ON CONFLICT ("key") DO UPDATE SET
        "failures" = CASE WHEN "FailureCount"."windowStart" <= ${windowOver} THEN 1 ELSE "FailureCount"."failures" + 1 END,
        "windowStart" = CASE WHEN "FailureCount"."windowStart" <= ${windowOver} THEN ${at} ELSE "FailureCount"."windowStart" END,
        "lockouts" = CASE WHEN "FailureCount"."lastFailureAt" < ${forgotten} AND COALESCE("FailureCount"."lockedUntil", 0) < ${forgotten}
          THEN 0 ELSE "FailureCount"."lockouts" END,
        "lastFailureAt" = ${at}
      RETURNING "failures", "windowStart", "lockouts"`;
    const failures = Number(row.failures);
    if (failures < this.max) return;
    // Too many: locked out from the window's first failure, twice as long as the last time. Only the
    // process whose count is still the row's applies it, so a burst of failures locks out once.
    const count = Number(row.lockouts) + 1;
    const length = Math.min(this.windowMs * 2 ** (count - 1), MAX_LOCKOUT_MS);
    await db.failureCount.updateMany({
      where: { key: id, failures, windowStart: BigInt(row.windowStart) },
      data: { failures: 0, lockouts: count, lockedUntil: BigInt(row.windowStart) + BigInt(length) },
    });
  }
}

/** Drops the records of keys quiet for FORGET_AFTER_MS (they would start afresh anyway). */
export async function purgeFailureCounts(now = Date.now()): Promise<number> {
  const before = BigInt(now - FORGET_AFTER_MS);
  const { count } = await getDb().failureCount.deleteMany({
    where: { lastFailureAt: { lt: before }, OR: [{ lockedUntil: null }, { lockedUntil: { lt: before } }] },
  });
  return count;
}

/** The longest a key is ever locked out. */
export const MAX_LOCKOUT_MS = 24 * 60 * 60 * 1000;
/** A key with no failure for this long after its lockout starts afresh. */
const FORGET_AFTER_MS = 24 * 60 * 60 * 1000;
