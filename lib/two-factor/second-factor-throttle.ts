// The second sign-in step's own limit, in the database (any process sees it): a few free tries,
// then a wait that doubles with each further failure, up to an hour. Only someone who already
// passed the password step gets here, so this cannot lock out an owner who has not lost it.
import { getDb } from "@/lib/db/client";

const FREE_FAILURES = 5;
const FIRST_WAIT_MS = 30_000;
const MAX_WAIT_MS = 3600_000;

const accountKey = (account: string) => account.trim().toLowerCase();

/** The wait after `failures` failures in a row. */
export function secondFactorBackoffMs(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(FIRST_WAIT_MS * 2 ** (failures - FREE_FAILURES), MAX_WAIT_MS);
}

/** Seconds before the account may try a code again (0: now). */
export async function secondFactorWaitSeconds(account: string, now = new Date()): Promise<number> {
  const row = await getDb().secondFactorThrottle.findUnique({ where: { account: accountKey(account) } });
  if (!row?.lockedUntil) return 0;
  return Math.max(0, Math.ceil((row.lockedUntil.getTime() - now.getTime()) / 1000));
}

export async function recordSecondFactorFailure(account: string, now = new Date()): Promise<void> {
  const key = accountKey(account);
  const db = getDb();
  // An atomic increment: concurrent failures all count.
  const row = await db.secondFactorThrottle.upsert({
    where: { account: key },
    create: { account: key, failures: 1, updatedAt: now },
    update: { failures: { increment: 1 }, updatedAt: now },
  });
  const wait = secondFactorBackoffMs(row.failures);
  if (wait > 0) await db.secondFactorThrottle.update({ where: { account: key }, data: { lockedUntil: new Date(now.getTime() + wait) } });
}

export async function clearSecondFactorFailures(account: string): Promise<void> {
  await getDb().secondFactorThrottle.deleteMany({ where: { account: accountKey(account) } });
}
