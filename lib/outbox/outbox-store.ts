// The outbox table (Prisma): every change of state is one conditional UPDATE whose WHERE names the
// state (and, once claimed, the claim) it starts from, and succeeds only if it changed a row. So
// two processes can never both claim a job, and undo can never cancel one being sent. Plain
// `updateMany` + count: the same compare-and-swap on SQLite and PostgreSQL.
import crypto from "node:crypto";
import { getDb } from "@/lib/db/client";
import { LEASE_MS, transition, type JobResult, type OutboxEvent, type OutboxState } from "./outbox-state";

export type NewJob = {
  id: string;
  sessionId: string;
  account: string;
  sendAt: Date;
  messageId: string;
  draft: { folder: string; uid: number };
  credentials: string;
  payload: Buffer;
};

export type DueJob = { id: string; state: OutboxState; dueAt: Date; claimToken: string | null; attempts: number };

/** A claim a process holds on a job: only it can move the job on, until the lease ends. */
export type Claim = { id: string; token: string; state: OutboxState; attempts: number };

export function newJobId(): string {
  return crypto.randomBytes(12).toString("base64url");
}

export async function insertJob(job: NewJob): Promise<void> {
  await getDb().outboxJob.create({
    data: {
      id: job.id,
      sessionId: job.sessionId,
      account: job.account,
      state: "waiting",
      sendAt: job.sendAt,
      dueAt: job.sendAt,
      messageId: job.messageId,
      draftFolder: job.draft.folder,
      draftUid: job.draft.uid,
      credentials: job.credentials,
      payload: new Uint8Array(job.payload),
    },
  });
}

/** The job as its account sees it (in any of its sessions: one signed in again after the old one
 * ended still follows it); null for anyone else's or an unknown id. */
export async function findJob(id: string, account: string) {
  const row = await getDb().outboxJob.findUnique({
    where: { id },
    select: { id: true, account: true, state: true, sendAt: true, draftFolder: true, draftUid: true, result: true },
  });
  return row && row.account === account.toLowerCase() ? row : null;
}

/** Jobs some process should act on now: due to be sent, or claimed by one whose lease ran out. */
export async function findDue(now: Date, take: number): Promise<DueJob[]> {
  const rows = await getDb().outboxJob.findMany({
    where: { dueAt: { lte: now } },
    select: { id: true, state: true, dueAt: true, claimToken: true, attempts: true },
    orderBy: { dueAt: "asc" },
    take,
  });
  return rows.map((r) => ({ ...r, state: r.state as OutboxState, dueAt: r.dueAt as Date }));
}

/** Claims a due job for this process: compare-and-swap on its state and previous claim. */
export async function claimJob(job: DueJob, now: Date): Promise<Claim | null> {
  const next = transition(job.state, "claim");
  if (!next) return null;
  const token = crypto.randomBytes(12).toString("base64url");
  const { count } = await getDb().outboxJob.updateMany({
    where: { id: job.id, state: job.state, claimToken: job.claimToken, dueAt: { lte: now } },
    data: { state: next, claimToken: token, dueAt: new Date(now.getTime() + LEASE_MS), attempts: { increment: 1 } },
  });
  return count === 1 ? { id: job.id, token, state: next, attempts: job.attempts + 1 } : null;
}

/** Keeps the claim alive while the job runs; false when it was lost. */
export async function renewLease(claim: Claim, now = new Date()): Promise<boolean> {
  const { count } = await getDb().outboxJob.updateMany({
    where: { id: claim.id, claimToken: claim.token },
    data: { dueAt: new Date(now.getTime() + LEASE_MS) },
  });
  return count === 1;
}

/** The sealed columns of a claimed job, and what its acceptance recorded. */
export async function loadSealed(id: string) {
  return getDb().outboxJob.findUnique({ where: { id }, select: { sessionId: true, credentials: true, payload: true, result: true } });
}

/** Moves a claimed job on by `event`; `finished` events also drop its sealed data. */
async function advance(claim: Claim, event: OutboxEvent, result: JobResult, extra: { acceptedAt?: Date } = {}): Promise<boolean> {
  const next = transition(claim.state, event);
  if (!next) throw new Error(`outbox: ${event} does not apply to a ${claim.state} job`);
  const finished = next === "sent" || next === "failed";
  const { count } = await getDb().outboxJob.updateMany({
    where: { id: claim.id, state: claim.state, claimToken: claim.token },
    data: {
      state: next,
      result: JSON.stringify(result),
      ...extra,
      ...(finished ? { dueAt: null, claimToken: null, credentials: null, payload: null, finishedAt: new Date() } : {}),
    },
  });
  if (count === 1) claim.state = next;
  return count === 1;
}

/** The SMTP server said yes: recorded before anything else happens, so it is never sent again. */
export const markAccepted = (claim: Claim, result: JobResult) => advance(claim, "accept", result, { acceptedAt: new Date() });
export const markSent = (claim: Claim, result: JobResult) => advance(claim, "complete", result);
export const markFailed = (claim: Claim, error: { code: string; message: string; detail?: unknown }) => advance(claim, "fail", { error });

/** Undo. Returns false when the job was no longer waiting (or is not this account's). */
export async function cancelJob(id: string, account: string): Promise<boolean> {
  const { count } = await getDb().outboxJob.updateMany({
    where: { id, account: account.toLowerCase(), state: "waiting" },
    data: { state: "cancelled", dueAt: null, credentials: null, payload: null, finishedAt: new Date() },
  });
  return count === 1;
}

/** Finished jobs are kept a while so a composer opened later can still say what happened. */
export async function purgeFinished(before: Date): Promise<number> {
  const { count } = await getDb().outboxJob.deleteMany({ where: { finishedAt: { lt: before } } });
  return count;
}
