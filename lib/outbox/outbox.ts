import type { QueuedMessage } from "@/lib/compose/compose-types";
import { PosternError } from "@/lib/http/errors";
import type { ImapIdentity } from "@/lib/imap/session-pool";
import type { OutboxPayload } from "./outbox-payload";
import { sealCredentials, sealPayload } from "./outbox-seal";
import { toQueuedMessage } from "./outbox-state";
import { cancelJob, findJob, insertJob, newJobId } from "./outbox-store";
import { getOutboxWorker, type OutboxWorker } from "./outbox-worker";

/**
 * Queues a message saved as `draft` to be sent after `delayMs` by whichever Postern process
 * claims it then (this one is woken on time). The row holds the message and the credentials
 * sealed, never in clear; the draft stays in Drafts until the message is out.
 */
export async function enqueueMessage(
  imap: ImapIdentity,
  job: { draft: { folder: string; uid: number }; delayMs: number; payload: OutboxPayload },
  worker: OutboxWorker = getOutboxWorker(),
): Promise<QueuedMessage> {
  const id = newJobId();
  const sendAt = new Date(Date.now() + job.delayMs);
  await insertJob({
    id,
    sessionId: imap.sessionId,
    account: imap.credentials.user.toLowerCase(),
    sendAt,
    messageId: job.payload.built.messageId,
    draft: job.draft,
    credentials: sealCredentials(imap.credentials, id),
    payload: sealPayload(job.payload, id),
  });
  worker.wakeAt(sendAt);
  return toQueuedMessage({ id, state: "waiting", sendAt, draftFolder: job.draft.folder, draftUid: job.draft.uid, result: null }, Date.now());
}

/** Where a queued message stands, for the account that queued it; null when unknown. */
export async function getQueued(id: string, account: string): Promise<QueuedMessage | null> {
  const row = await findJob(id, account);
  return row ? toQueuedMessage(row, Date.now()) : null;
}

/**
 * Undo: the message stays in Drafts and is never sent.
 * @throws PosternError NOT_FOUND (unknown job) | CONFLICT (too late: it is being or was sent)
 */
export async function undoQueued(id: string, account: string): Promise<QueuedMessage> {
  const cancelled = await cancelJob(id, account);
  const job = await getQueued(id, account);
  if (!job) throw new PosternError("NOT_FOUND", "This message is no longer waiting to be sent.");
  if (cancelled || job.state === "cancelled") return job;
  if (job.state === "failed") throw new PosternError("CONFLICT", "The message could not be sent; it is in Drafts.");
  throw new PosternError("CONFLICT", "Too late to undo: the message has already been sent.");
}
