import { PosternError } from "@/lib/http/errors";
import type { ImapIdentity } from "@/lib/imap/session-pool";
import { getOutbox, type Outbox, type OutboxJob } from "@/lib/smtp/outbox";
import { sendMessage } from "@/lib/smtp/send-message";
import type { SaveDraftResult } from "./compose-types";
import { saveDraft } from "./save-draft";
import type { ComposeSubmission } from "./submission";
import { afterSend, buildSendable, keepAsDraft, rememberRecipients } from "./submit-message";

export type QueueOutcome =
  | { ok: true; job: OutboxJob; draft: SaveDraftResult }
  | { ok: false; error: PosternError; draft: SaveDraftResult | null };

/**
 * Send with undo: the message is checked and built now (so mistakes show at once), saved to
 * Drafts exactly as it is, then handed to the outbox to go out after `delayMs`. Undo leaves the
 * draft, which the composer reopens; sending removes it.
 */
export async function queueMessage(
  imap: ImapIdentity,
  s: ComposeSubmission,
  opts: { limit: number; delayMs: number },
  outbox: Outbox = getOutbox(),
): Promise<QueueOutcome> {
  let built;
  try {
    built = await buildSendable(imap, s, opts.limit);
  } catch (e) {
    if (!(e instanceof PosternError)) throw e;
    return { ok: false, error: e, draft: await keepAsDraft(imap, s, opts.limit) };
  }
  const draft = await saveDraft(imap, s, opts.limit);
  const message = built;
  const job = outbox.schedule(imap.sessionId, draft.draft, opts.delayMs, async () => {
    const delivered = await sendMessage(imap, message, { ...afterSend(s, draft.draft), limit: opts.limit });
    await rememberRecipients(imap, message, delivered);
    return delivered;
  });
  return { ok: true, job, draft };
}
