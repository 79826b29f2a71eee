import { randomUUID } from "node:crypto";
import { getDb } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/unique-violation";

// A flood of new INBOX mail (a thousand messages after a weekend) is filed by a background job
// per account, not inside the list requests that notice it: they answer at list speed meanwhile.
// The job is claimed in the shared database, so one process at a time works it; the claim is a
// lease renewed after each batch, so a process that dies leaves the job to the next listing.

/** A claim not renewed for this long is free again. */
export const FILING_LEASE_MS = 60_000;
/** Batches one job runs at most (25 messages each): a bigger flood goes on at the next listing. */
const MAX_BATCHES = 400;

export type FilingBatch = () => Promise<{ pending: boolean }>;

/** Whether a filing job for the account runs now, in this process or another. */
export async function filingJobRunning(account: string): Promise<boolean> {
  const job = await getDb().spamFilingJob.findUnique({ where: { account } });
  return !!job && job.until.getTime() > Date.now();
}

async function claim(account: string): Promise<string | null> {
  const db = getDb();
  const token = randomUUID();
  const until = new Date(Date.now() + FILING_LEASE_MS);
  const expired = await db.spamFilingJob.updateMany({ where: { account, until: { lt: new Date() } }, data: { token, until } });
  if (expired.count === 1) return token;
  try {
    await db.spamFilingJob.create({ data: { account, token, until } });
    return token;
  } catch (e) {
    if (isUniqueViolation(e)) return null; // a job runs
    throw e;
  }
}

const renew = async (account: string, token: string) =>
  (await getDb().spamFilingJob.updateMany({ where: { account, token }, data: { until: new Date(Date.now() + FILING_LEASE_MS) } })).count === 1;

/**
 * Runs `fileBatch` until nothing is pending, as the account's one filing job. Returns false at
 * once when a job already runs (here or in another process). A batch that fails reports nothing
 * pending (fileNewInboxMailQuietly), which ends the job; the next listing starts another.
 */
export async function runFilingJob(account: string, fileBatch: FilingBatch): Promise<boolean> {
  const token = await claim(account);
  if (!token) return false;
  try {
    for (let i = 0; i < MAX_BATCHES; i++) {
      if (!(await fileBatch()).pending) break;
      // lost when this process stalled past the lease and another took the job over
      if (!(await renew(account, token))) break;
    }
  } finally {
    await getDb()
      .spamFilingJob.deleteMany({ where: { account, token } })
      .catch(() => undefined); // the lease runs out by itself
  }
  return true;
}
