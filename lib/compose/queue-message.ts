import { PosternError } from "@/lib/http/errors";
import type { ImapIdentity } from "@/lib/imap/session-pool";
import { enqueueMessage } from "@/lib/outbox/outbox";
import type { OutboxWorker } from "@/lib/outbox/outbox-worker";
import type { QueuedMessage, SaveDraftResult } from "./compose-types";
import { saveDraft } from "./save-draft";
import type { ComposeSubmission } from "./submission";
import type { ReadLinkContext } from "@/lib/read-links/send-read-links";
import { afterSend, buildSendable, keepAsDraft } from "./submit-message";

export type QueueOutcome =
  | { ok: true; job: QueuedMessage; draft: SaveDraftResult }
  | { ok: false; error: PosternError; draft: SaveDraftResult | null };

/**
 * Send with undo: the message is checked and built now (so mistakes show at once), saved to
 * Drafts exactly as it is, then put in the shared outbox (lib/outbox) to go out after `delayMs`
 * from whichever process is alive then. Undo leaves the draft, which the composer reopens;
 * sending removes it.
 */
export async function queueMessage(
  imap: ImapIdentity,
  s: ComposeSubmission,
  opts: { limit: number; delayMs: number; readLinks?: ReadLinkContext },
  worker?: OutboxWorker,
): Promise<QueueOutcome> {
  let sendable;
  try {
    sendable = await buildSendable(imap, s, opts.limit);
    if (sendable.readLinks && !opts.readLinks) throw new PosternError("BAD_REQUEST", "Read confirmation by link is not available here.");
  } catch (e) {
    if (!(e instanceof PosternError)) throw e;
    return { ok: false, error: e, draft: await keepAsDraft(imap, s, opts.limit) };
  }
  const draft = await saveDraft(imap, s, opts.limit);
  // Read links are created only when the message really goes: an undone send leaves none.
  const readLinks = sendable.readLinks && opts.readLinks ? { plan: sendable.readLinks, ctx: opts.readLinks } : null;
  const via = imap.account?.smtp ? { account: imap.account.id, imap: imap.account.server, smtp: imap.account.smtp } : undefined;
  const payload = { built: sendable.built, readLinks, after: afterSend(s, draft.draft), recipients: { to: s.to, cc: s.cc, bcc: s.bcc }, limit: opts.limit, via };
  const job = await enqueueMessage(imap, { draft: draft.draft, delayMs: opts.delayMs, payload }, worker);
  return { ok: true, job, draft };
}
