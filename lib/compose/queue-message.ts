import { PosternError } from "@/lib/http/errors";
import type { ImapIdentity } from "@/lib/imap/session-pool";
import { getOutbox, type Outbox, type OutboxJob } from "@/lib/smtp/outbox";
import { sendMessage } from "@/lib/smtp/send-message";
import type { SaveDraftResult } from "./compose-types";
import { saveDraft } from "./save-draft";
import type { ComposeSubmission } from "./submission";
import type { ReadLinkContext } from "@/lib/read-links/send-read-links";
import { afterSend, buildSendable, keepAsDraft, rememberRecipients, submitterFor } from "./submit-message";

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
  opts: { limit: number; delayMs: number; readLinks?: ReadLinkContext },
  outbox: Outbox = getOutbox(),
): Promise<QueueOutcome> {
  let sendable;
  let submit;
  try {
    sendable = await buildSendable(imap, s, opts.limit);
    submit = submitterFor(sendable, opts.readLinks);
  } catch (e) {
    if (!(e instanceof PosternError)) throw e;
    return { ok: false, error: e, draft: await keepAsDraft(imap, s, opts.limit) };
  }
  const draft = await saveDraft(imap, s, opts.limit);
  const message = sendable.built;
  // Read links are created only when the message really goes: an undone send leaves none.
  const job = outbox.schedule(imap.sessionId, draft.draft, opts.delayMs, async () => {
    const delivered = await sendMessage(imap, message, { ...afterSend(s, draft.draft), limit: opts.limit }, submit);
    await rememberRecipients(imap, s, message, delivered);
    return delivered;
  });
  return { ok: true, job, draft };
}
