import { getDb } from "@/lib/db/client";
import { leaseHeld, withJobLease } from "@/lib/db/job-lease";

// A flood of new INBOX mail (a thousand messages after a weekend) is filed by a background job
// per account, not inside the list requests that notice it: they answer at list speed meanwhile.
// The job is claimed in the shared database (lib/db/job-lease.ts), so one process at a time works
// it; the lease is renewed after each batch, so a process that dies leaves the job to the next listing.

/** A claim not renewed for this long is free again. */
export const FILING_LEASE_MS = 60_000;
/** Batches one job runs at most (25 messages each): a bigger flood goes on at the next listing. */
const MAX_BATCHES = 400;

export type FilingBatch = () => Promise<{ pending: boolean }>;

/** Whether a filing job for the account runs now, in this process or another. */
export async function filingJobRunning(account: string): Promise<boolean> {
  return leaseHeld(getDb().spamFilingJob, account);
}

/**
 * Runs `fileBatch` until nothing is pending, as the account's one filing job. Returns false at
 * once when a job already runs (here or in another process). A batch that fails reports nothing
 * pending (fileNewInboxMailQuietly), which ends the job; the next listing starts another.
 */
export async function runFilingJob(account: string, fileBatch: FilingBatch): Promise<boolean> {
  const job = await withJobLease(getDb().spamFilingJob, account, FILING_LEASE_MS, async (renew) => {
    for (let i = 0; i < MAX_BATCHES; i++) {
      if (!(await fileBatch()).pending) break;
      // lost when this process stalled past the lease and another took the job over
      if (!(await renew())) break;
    }
  });
  return job.ran;
}
