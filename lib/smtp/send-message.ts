import type { ImapFlow } from "imapflow";
import type { MailCredentials } from "@/lib/auth/credentials";
import { getConfig } from "@/lib/env";
import { listDetail, type DetailValues } from "@/lib/http/error-details";
import { PosternError } from "@/lib/http/errors";
import { addFlag } from "@/lib/imap/add-flag";
import { appendMessage, requireSpecialFolder, type StoredMessage } from "@/lib/imap/append-message";
import { deleteMessage } from "@/lib/imap/delete-message";
import type { ImapIdentity } from "@/lib/imap/session-pool";
import { withConnection } from "@/lib/imap/with-mailbox";
import type { BuiltMessage } from "./build-message";
import { listRejections, rejectionParts, rejectionSentence, toSendError, type RecipientRejection, type SmtpErrorLike } from "./smtp-error";
import { createSmtpTransport } from "./transport";

export type Delivered = {
  /** Where the Sent copy went, or null when it could not be stored (see warnings). */
  sentCopy: StoredMessage | null;
  /** Recipients the server refused while accepting others: the message went to the rest. */
  rejected: RecipientRejection[];
  /** What went wrong after the message left; none of it means the message was not sent. */
  warnings: SendWarning[];
};

/**
 * A warning as the page says it (app/i18n/send-warnings.ts): a catalog key under "sendWarnings",
 * its values, the error behind it, and the English text (stored outbox rows from before these
 * keys hold only that text, as a plain string).
 */
export type SendWarning = {
  key: "notDelivered" | "noSentCopy" | "originalNotMarked" | "draftNotRemoved";
  /** Flat (stored as JSON in the outbox); notDelivered's list the recipientsRefused detail's way
   * (lib/http/error-details.ts listDetail), or in rows from before it, `recipients` in English. */
  values: DetailValues;
  error?: { code: string; message: string; detail?: unknown };
  text: string;
};

/** What each step that follows a send says when it fails (completes "The message was sent, but …"). */
const AFTER_STEP = {
  noSentCopy: "no copy could be saved in Sent",
  originalNotMarked: "the original message could not be marked",
  draftNotRemoved: "its draft could not be removed from Drafts",
} as const;

export type AfterSend = {
  /** The message answered (\Answered) or forwarded ($Forwarded). */
  original?: { folder: string; uid: number; flag: "\\Answered" | "$Forwarded" } | null;
  /** The draft the message was written in, removed once it is sent. */
  draft?: { folder: string; uid: number } | null;
};

export type Submit = (creds: MailCredentials, built: BuiltMessage) => Promise<{ rejectedErrors?: SmtpErrorLike[] }>;

/** Submits the Bcc-less bytes with the full envelope (Bcc recipients included) over SMTP. */
const submitOverSmtp: Submit = async (creds, built) => {
  const transport = createSmtpTransport(getConfig(), creds);
  try {
    return (await transport.sendMail({ envelope: built.envelope, raw: built.wire })) as { rejectedErrors?: SmtpErrorLike[] };
  } finally {
    transport.close();
  }
};

/** @throws PosternError MESSAGE_TOO_LARGE when the message is over the limit (bytes as sent). */
export function assertSendable(built: BuiltMessage, limit: number): void {
  if (built.wire.length <= limit) return;
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  throw new PosternError("MESSAGE_TOO_LARGE", `The message is ${mb(built.wire.length)}, more than the ${mb(limit)} you can send. Remove or shrink attachments.`);
}

/** The warning for recipients refused while others were accepted (`total` were asked for): each
 * reader's page says the list in its language (app/i18n/send-warnings.ts), the server's replies
 * in it as the server's own words. */
export function notDeliveredWarning(rejected: RecipientRejection[], total: number): SendWarning {
  const values = listDetail("recipientsRefused", rejectionParts(rejected, total)).detail.values;
  return { key: "notDelivered", values, text: `The message was not delivered to ${rejectionSentence(rejected, total)}.` };
}

/** Runs a step that follows a successful send; its failure is a warning, never an error: the
 * message is gone, and reporting failure would make the user send it twice. */
async function afterwards<T>(warnings: SendWarning[], key: keyof typeof AFTER_STEP, step: () => Promise<T>): Promise<T | null> {
  try {
    return await step();
  } catch (e) {
    const what = AFTER_STEP[key];
    console.warn(`[send] ${what}:`, e);
    const error = e instanceof PosternError ? { code: e.code, message: e.message, ...(e.detail ? { detail: e.detail } : {}) } : undefined;
    warnings.push({ key, values: {}, ...(error ? { error } : {}), text: `The message was sent, but ${what}${error ? `: ${error.message}` : "."}` });
    return null;
  }
}

/**
 * Submits the message over SMTP (or as read links). Returning means the server accepted it, for
 * every recipient but `rejected`.
 * @throws PosternError MESSAGE_TOO_LARGE | RECIPIENT_REJECTED | SMTP_AUTH_FAILED | SMTP_UNAVAILABLE | SEND_FAILED,
 *   all meaning nothing was sent
 */
export async function submitBuilt(creds: MailCredentials, built: BuiltMessage, opts: { limit: number; submit?: Submit }): Promise<RecipientRejection[]> {
  assertSendable(built, opts.limit);
  try {
    const info = await (opts.submit ?? submitOverSmtp)(creds, built);
    return listRejections(info.rejectedErrors);
  } catch (e) {
    throw toSendError(e);
  }
}

/** Sent's copy of this message, if a previous attempt already filed it. */
async function findSentCopy(client: ImapFlow, folder: string, messageId: string): Promise<StoredMessage | null> {
  const lock = await client.getMailboxLock(folder);
  try {
    const found = await client.search({ header: { "message-id": messageId } }, { uid: true });
    return found && found.length ? { folder, uid: Math.max(...found) } : null;
  } finally {
    lock.release();
  }
}

/**
 * Files a message the server accepted: the exact bytes recipients got, plus the Bcc line, are
 * APPENDed to Sent as \Seen; the original gets \Answered or $Forwarded; the draft is removed.
 * Never throws: what fails is a warning (the message is out). Each step is safe to repeat, and
 * with `resumed` (an earlier attempt may have filed it) Sent is searched first, so a retry after
 * a crash completes the filing without a second copy.
 */
export async function fileSentMessage(
  imap: ImapIdentity,
  built: BuiltMessage,
  opts: AfterSend & { rejected: RecipientRejection[]; resumed?: boolean },
): Promise<Delivered> {
  const warnings: SendWarning[] = [];
  const { rejected } = opts;
  if (rejected.length) warnings.push(notDeliveredWarning(rejected, built.envelope.to.length));
  const sentCopy = await afterwards(warnings, "noSentCopy", () =>
    withConnection(imap, async (client) => {
      const folder = await requireSpecialFolder(client, "\\Sent");
      const filed = opts.resumed ? await findSentCopy(client, folder, built.messageId) : null;
      return filed ?? appendMessage(client, folder, built.raw, { flags: ["\\Seen"], messageId: built.messageId });
    }),
  );
  if (opts.original) {
    const { folder, uid, flag } = opts.original;
    await afterwards(warnings, "originalNotMarked", () => addFlag(imap, { folder, uid, flag }));
  }
  if (opts.draft) {
    const draft = opts.draft;
    await afterwards(warnings, "draftNotRemoved", () => deleteMessage(imap, draft));
  }
  return { sentCopy, rejected, warnings };
}

/**
 * Sends a built message as the signed-in user and files it (submitBuilt, then fileSentMessage).
 * @param limit largest message in bytes (see getSendLimit)
 * @throws PosternError MESSAGE_TOO_LARGE | RECIPIENT_REJECTED | SMTP_AUTH_FAILED | SMTP_UNAVAILABLE | SEND_FAILED,
 *   all meaning nothing was sent
 */
export async function sendMessage(
  imap: ImapIdentity,
  built: BuiltMessage,
  opts: AfterSend & { limit: number },
  submit: Submit = submitOverSmtp,
): Promise<Delivered> {
  const rejected = await submitBuilt(imap.credentials, built, { limit: opts.limit, submit });
  return fileSentMessage(imap, built, { original: opts.original, draft: opts.draft, rejected });
}
