import { PosternError } from "@/lib/http/errors";
import { requireSpecialFolder } from "@/lib/imap/append-message";
import type { ImapIdentity } from "@/lib/imap/session-pool";
import { withConnection } from "@/lib/imap/with-mailbox";
import { buildMessage, type BuiltMessage } from "@/lib/smtp/build-message";
import { assertSendable, sendMessage, type AfterSend, type Delivered } from "@/lib/smtp/send-message";
import { whitelistRecipients } from "@/lib/spam/whitelist-recipients";
import type { MessageRef, SaveDraftResult } from "./compose-types";
import { fetchKeptAttachments } from "./fetch-kept-attachments";
import { saveDraft } from "./save-draft";
import { toSendableMessage, type ComposeSubmission } from "./submission";

export type SubmitOutcome =
  | { ok: true; delivered: Delivered }
  /** Nothing was sent; `draft` is where the message was kept (null if even that failed). */
  | { ok: false; error: PosternError; draft: SaveDraftResult | null };

/** The draft to remove after sending, only if it really is in Drafts: a message opened "as a
 * draft" from another folder is left where it is. */
async function draftToRemove(imap: ImapIdentity, draft: MessageRef | null): Promise<MessageRef | null> {
  if (!draft) return null;
  const drafts = await withConnection(imap, (client) => requireSpecialFolder(client, "\\Drafts")).catch(() => null);
  return drafts === draft.folder ? draft : null;
}

/** What to do once the message is out: mark the original, remove the draft. */
export function afterSend(s: ComposeSubmission, draft: MessageRef | null): AfterSend {
  const { kind, original } = s.context;
  const flag = kind === "forward" ? "$Forwarded" : kind === "reply" || kind === "replyAll" ? "\\Answered" : null;
  return { original: original && flag ? { ...original, flag } : null, draft };
}

/** The message ready to go: files fetched, recipients checked, built, within the limit.
 * @throws PosternError BAD_REQUEST | NOT_FOUND | MESSAGE_TOO_LARGE | IMAP_UNAVAILABLE */
export async function buildSendable(imap: ImapIdentity, s: ComposeSubmission, limit: number): Promise<BuiltMessage> {
  const attachments = [...(await fetchKeptAttachments(imap, s.kept, limit)), ...s.uploads];
  const built = await buildMessage(toSendableMessage(s, attachments));
  assertSendable(built, limit);
  return built;
}

/** People the user writes to are whitelisted for the spam filter (lib/spam). */
export function rememberRecipients(imap: ImapIdentity, built: BuiltMessage, delivered: Delivered): Promise<void> {
  return whitelistRecipients(imap.credentials.user, built.envelope.to, delivered.rejected.map((r) => r.recipient));
}

/** After a failed send: the message goes to Drafts so that it is not lost (null if that fails too). */
export async function keepAsDraft(imap: ImapIdentity, s: ComposeSubmission, limit: number): Promise<SaveDraftResult | null> {
  return saveDraft(imap, s, limit).catch((e: unknown) => {
    console.warn("[send] draft not kept after a failed send:", e);
    return null;
  });
}

/**
 * Sends what the composer submitted, at once. When it cannot be sent (a refused recipient, the
 * server down, a bad address) the message is saved to Drafts instead, so a failed send never
 * loses it.
 */
export async function submitMessage(imap: ImapIdentity, s: ComposeSubmission, limit: number): Promise<SubmitOutcome> {
  try {
    const built = await buildSendable(imap, s, limit);
    const delivered = await sendMessage(imap, built, { ...afterSend(s, await draftToRemove(imap, s.draft)), limit });
    await rememberRecipients(imap, built, delivered);
    return { ok: true, delivered };
  } catch (e) {
    if (!(e instanceof PosternError)) throw e;
    return { ok: false, error: e, draft: await keepAsDraft(imap, s, limit) };
  }
}
