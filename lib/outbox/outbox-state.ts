import type { QueuedMessage } from "@/lib/compose/compose-types";
import type { SendWarning } from "@/lib/smtp/send-message";
import type { RecipientRejection } from "@/lib/smtp/smtp-error";

/**
 * A queued message's life. `waiting` until its time, then one process claims it (`sending`);
 * the moment the SMTP server accepts it, it is `accepted` (durably, before anything else), and
 * from then on it is never submitted again: a retry only files the Sent copy and removes the
 * draft, ending `sent`. `failed` and `cancelled` leave the message in Drafts.
 */
export type OutboxState = "waiting" | "sending" | "accepted" | "sent" | "failed" | "cancelled";

export type OutboxEvent = "claim" | "cancel" | "accept" | "fail" | "complete";

const NEXT: Record<OutboxEvent, Partial<Record<OutboxState, OutboxState>>> = {
  // A claimed job whose lease ran out (its process died) is claimed again in the same state:
  // `sending` is submitted again (the server never said yes), `accepted` is only filed.
  claim: { waiting: "sending", sending: "sending", accepted: "accepted" },
  // Undo: only while nobody has started to send it.
  cancel: { waiting: "cancelled" },
  accept: { sending: "accepted" },
  fail: { sending: "failed" },
  complete: { accepted: "sent" },
};

/** The state `event` leads to from `state`, or null when it does not apply there. */
export function transition(state: OutboxState, event: OutboxEvent): OutboxState | null {
  return NEXT[event][state] ?? null;
}

const STATES = new Set<string>(["waiting", "sending", "accepted", "sent", "failed", "cancelled"]);

export function isOutboxState(s: string): s is OutboxState {
  return STATES.has(s);
}

/** How long a claim holds without renewal before another process may take the job over. It is
 * renewed every third of it while the job runs, so only a dead (or frozen) process loses it. */
export const LEASE_MS = 60_000;

/** Claims of one job that may submit it. A job whose process keeps dying while sending it (a
 * message that crashes Postern, say) fails, in Drafts, instead of being submitted forever. */
export const MAX_SEND_ATTEMPTS = 3;

/** The stored fields the browser's view is made of. */
export type JobRow = {
  id: string;
  state: string;
  sendAt: Date;
  draftFolder: string;
  draftUid: number;
  result: string | null;
};

/** What a job's `result` column holds (JSON): recipients refused while others were accepted
 * (kept from acceptance for the filing), the warnings once sent, or why it failed. */
export type JobResult = { rejected?: RecipientRejection[]; warnings?: StoredWarning[]; error?: { code: string; message: string; detail?: unknown } };

/** A warning as stored: a SendWarning, or (rows written before warnings had keys) its English text. */
export type StoredWarning = SendWarning | string;

export function parseResult(text: string | null): JobResult {
  if (!text) return {};
  try {
    const v = JSON.parse(text) as JobResult;
    return typeof v === "object" && v !== null ? v : {};
  } catch {
    return {};
  }
}

/** What the browser may know: `accepted` shows as "sending" (the Sent copy is being filed). */
export function toQueuedMessage(row: JobRow, now: number): QueuedMessage {
  const state = isOutboxState(row.state) ? row.state : "failed";
  const result = parseResult(row.result);
  return {
    id: row.id,
    state: state === "accepted" ? "sending" : state,
    remainingMs: state === "waiting" ? Math.max(0, row.sendAt.getTime() - now) : 0,
    draft: { folder: row.draftFolder, uid: row.draftUid },
    warnings: state === "sent" ? (result.warnings ?? []) : [],
    error: state === "failed" ? (result.error ?? { code: "INTERNAL", message: "The message was not sent because of an unexpected error." }) : null,
  };
}
