import { accountSubmit } from "@/lib/accounts/account-submit";
import { rememberRecipients } from "@/lib/compose/submit-message";
import { isPosternError, PosternError } from "@/lib/http/errors";
import type { ImapIdentity } from "@/lib/imap/session-pool";
import { readLinkSubmit } from "@/lib/read-links/send-read-links";
import { fileSentMessage, submitBuilt, type Submit } from "@/lib/smtp/send-message";
import { getMetrics } from "@/lib/observability/metrics";
import { toSendError } from "@/lib/smtp/smtp-error";
import { LEASE_MS, MAX_SEND_ATTEMPTS, parseResult } from "./outbox-state";
import type { OutboxPayload } from "./outbox-payload";
import { openCredentials, openPayload } from "./outbox-seal";
import { loadSealed, markAccepted, markFailed, markSent, renewLease, type Claim } from "./outbox-store";

export type RunOptions = {
  /** How plain messages are submitted (tests point it at another server); default: SMTP as configured. */
  submit?: Submit;
  /** Test hook, called right after acceptance is recorded: throwing there is a crash before filing. */
  afterAccepted?: (jobId: string) => Promise<void> | void;
};

type OpenJob = { imap: ImapIdentity; payload: OutboxPayload; rejected: NonNullable<ReturnType<typeof parseResult>["rejected"]> };

async function openJob(id: string): Promise<OpenJob> {
  const row = await loadSealed(id);
  if (!row?.credentials || !row.payload) throw new Error("outbox: a claimed job has no sealed data");
  const credentials = openCredentials(row.credentials, id);
  const payload = openPayload(row.payload, id);
  const via = payload.via;
  return {
    imap: { sessionId: row.sessionId, credentials, clientIp: null, ...(via ? { account: { id: via.account, server: via.imap, smtp: via.smtp } } : {}) },
    payload,
    rejected: parseResult(row.result).rejected ?? [],
  };
}

/** What a failed job keeps of its error: the detail too, so the composer says it in the reader's language. */
const failure = (e: PosternError) => ({ code: e.code, message: e.message, ...(e.detail ? { detail: e.detail } : {}) });
const reason = (e: unknown) => (isPosternError(e) ? failure(e) : null);

/**
 * Runs a job this process claimed, holding the claim meanwhile. A `sending` job is submitted once;
 * the server's yes is recorded as `accepted` before anything else, so from there on (here or in
 * whichever process takes over after a crash) the message is only filed: Sent copy, flags, the
 * draft removed. A refusal ends the job `failed`, with the message in Drafts and the reason.
 */
export async function runOutboxJob(claim: Claim, opts: RunOptions = {}): Promise<void> {
  const heartbeat = setInterval(() => void renewLease(claim).catch((e: unknown) => console.warn("[outbox] lease not renewed:", e)), LEASE_MS / 3);
  heartbeat.unref?.();
  try {
    const job = await openJob(claim.id);
    const { built, readLinks, after, recipients, limit } = job.payload;
    let rejected = job.rejected;
    if (claim.state === "sending") {
      if (claim.attempts > MAX_SEND_ATTEMPTS) {
        await markFailed(claim, failure(PosternError.detailed("SEND_FAILED", "sendInterrupted")));
        return;
      }
      const via = job.payload.via;
      const submit = readLinks ? readLinkSubmit(readLinks.plan, readLinks.ctx) : via ? accountSubmit(via.smtp) : opts.submit;
      try {
        rejected = await submitBuilt(job.imap.credentials, built, { limit, submit });
      } catch (e) {
        const error = toSendError(e);
        if (!isPosternError(e)) console.error("[outbox] send failed:", e);
        getMetrics().sends.inc({ result: "failed" });
        await markFailed(claim, failure(error));
        return;
      }
      getMetrics().sends.inc({ result: "sent" });
      if (!(await markAccepted(claim, { rejected }))) return console.error(`[outbox] job ${claim.id}: claim lost while it was being sent`);
      await opts.afterAccepted?.(claim.id);
    }
    const delivered = await fileSentMessage(job.imap, built, { ...after, rejected, resumed: claim.attempts > 1 });
    // contacts and the spam whitelist are the user's own mailbox's, keyed by its login
    if (!job.payload.via) await rememberRecipients(job.imap, recipients, built, delivered).catch((e: unknown) => console.warn("[outbox] recipients not remembered:", e));
    await markSent(claim, { warnings: delivered.warnings });
  } catch (e) {
    console.error(`[outbox] job ${claim.id}:`, e);
    // Not yet accepted: nothing went out, the draft is there; say so rather than retry blindly.
    // Accepted: the claim lapses and another attempt files it.
    if (claim.state === "sending") {
      await markFailed(claim, reason(e) ?? { code: "INTERNAL", message: "The message was not sent because of an unexpected error." }).catch(() => undefined);
    }
  } finally {
    clearInterval(heartbeat);
  }
}
