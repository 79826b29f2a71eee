import { randomUUID } from "node:crypto";
import { isUniqueViolation } from "./unique-violation";

// One job per key at a time across all Postern processes (the spam filing job per account, the
// POP3 fetch per external account): a row (key, token, until) in the shared database is the
// claim. It is a lease renewed as the job goes on, so a process that dies frees the key when the
// lease runs out; a process that stalled past its lease learns it lost the job at its next renewal.

/** The Prisma delegate of a lease table: `account` (the key), `token`, `until`. */
export type LeaseTable = {
  findUnique(args: { where: { account: string } }): Promise<{ until: Date } | null>;
  updateMany(args: { where: { account: string; token?: string; until?: { lt: Date } }; data: { token?: string; until: Date } }): Promise<{ count: number }>;
  create(args: { data: { account: string; token: string; until: Date } }): Promise<unknown>;
  deleteMany(args: { where: { account: string; token: string } }): Promise<unknown>;
};

/** Whether a job for `key` runs now, in this process or another. */
export async function leaseHeld(table: LeaseTable, key: string): Promise<boolean> {
  const row = await table.findUnique({ where: { account: key } });
  return !!row && row.until.getTime() > Date.now();
}

async function claim(table: LeaseTable, key: string, leaseMs: number): Promise<string | null> {
  const token = randomUUID();
  const until = new Date(Date.now() + leaseMs);
  const expired = await table.updateMany({ where: { account: key, until: { lt: new Date() } }, data: { token, until } });
  if (expired.count === 1) return token;
  try {
    await table.create({ data: { account: key, token, until } });
    return token;
  } catch (e) {
    if (isUniqueViolation(e)) return null; // a job runs
    throw e;
  }
}

/**
 * Runs `work` as the one job for `key`, or returns { ran: false } at once when one already runs.
 * `work` calls `renew` between its steps and stops when it answers false (the lease was lost).
 */
export async function withJobLease<T>(
  table: LeaseTable,
  key: string,
  leaseMs: number,
  work: (renew: () => Promise<boolean>) => Promise<T>,
): Promise<{ ran: true; result: T } | { ran: false }> {
  const token = await claim(table, key, leaseMs);
  if (!token) return { ran: false };
  const renew = async () => (await table.updateMany({ where: { account: key, token }, data: { until: new Date(Date.now() + leaseMs) } })).count === 1;
  try {
    return { ran: true, result: await work(renew) };
  } finally {
    await table.deleteMany({ where: { account: key, token } }).catch(() => undefined); // the lease runs out by itself
  }
}
