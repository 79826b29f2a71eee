import { rememberContacts } from "@/lib/contacts/remember-contacts";
import { PosternError } from "@/lib/http/errors";
import { requireSpecialFolder } from "@/lib/imap/append-message";
import type { ImapIdentity } from "@/lib/imap/session-pool";
import { withConnection } from "@/lib/imap/with-mailbox";
import { buildMessage, type BuiltMessage } from "@/lib/smtp/build-message";
import { planReadLinks, readLinkSubmit, withReadLinksHeader, type ReadLinkContext, type ReadLinkPlan } from "@/lib/read-links/send-read-links";
import { assertSendable, sendMessage, type AfterSend, type Delivered, type Submit } from "@/lib/smtp/send-message";
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

/** A message ready to go: `built` is what Sent gets (and, without read links, the recipients);
 * `readLinks` is set when recipients get one-time links instead. */
export type Sendable = { built: BuiltMessage; readLinks: ReadLinkPlan | null };

/** The message ready to go: files fetched, recipients checked, built, within the limit.
 * @throws PosternError BAD_REQUEST | NOT_FOUND | MESSAGE_TOO_LARGE | IMAP_UNAVAILABLE */
export async function buildSendable(imap: ImapIdentity, s: ComposeSubmission, limit: number): Promise<Sendable> {
  const attachments = [...(await fetchKeptAttachments(imap, s.kept, limit)), ...s.uploads];
  const message = toSendableMessage(s, attachments, { maxBytes: limit });
  const readLinks = s.readLink ? planReadLinks(message) : null;
  const built = await buildMessage(readLinks ? withReadLinksHeader(readLinks) : message);
  assertSendable(built, limit);
  return { built, readLinks };
}

/** How a sendable goes out: over SMTP as it is, or as one read link per recipient.
 * @throws PosternError BAD_REQUEST when read links are asked for without their context */
export function submitterFor(sendable: Sendable, readLinks: ReadLinkContext | undefined): Submit | undefined {
  if (!sendable.readLinks) return undefined;
  if (!readLinks) throw new PosternError("BAD_REQUEST", "Read confirmation by link is not available here.");
  return readLinkSubmit(sendable.readLinks, readLinks);
}

/** People the user wrote to (those the server accepted): suggested in the composer (lib/contacts),
 * whitelisted for the spam filter (lib/spam). Neither fails the send: the message is out. */
export async function rememberRecipients(imap: ImapIdentity, s: Pick<ComposeSubmission, "to" | "cc" | "bcc">, built: BuiltMessage, delivered: Delivered): Promise<void> {
  await rememberContacts(imap.credentials.user, s, delivered);
  await whitelistRecipients(imap.credentials.user, built.envelope.to, delivered.rejected.map((r) => r.recipient));
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
export async function submitMessage(imap: ImapIdentity, s: ComposeSubmission, limit: number, readLinks?: ReadLinkContext): Promise<SubmitOutcome> {
  try {
    const sendable = await buildSendable(imap, s, limit);
    const submit = submitterFor(sendable, readLinks);
    const delivered = await sendMessage(imap, sendable.built, { ...afterSend(s, await draftToRemove(imap, s.draft)), limit }, submit);
    await rememberRecipients(imap, s, sendable.built, delivered);
    return { ok: true, delivered };
  } catch (e) {
    if (!(e instanceof PosternError)) throw e;
    return { ok: false, error: e, draft: await keepAsDraft(imap, s, limit) };
  }
}
