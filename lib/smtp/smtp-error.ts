import { detail, englishOf, LIST_SEPARATOR, listDetail, REFUSAL_CAUSES, type ErrorDetail, type RefusalCause } from "@/lib/http/error-details";
import { PosternError } from "@/lib/http/errors";

/** The fields of a nodemailer error Postern reads (nodemailer's own type is wider and loose). */
export type SmtpErrorLike = {
  code?: string;
  responseCode?: number;
  response?: string;
  command?: string;
  recipient?: string;
  message?: string;
  rejectedErrors?: SmtpErrorLike[];
};

/**
 * A refused recipient. `cause` and `reply` (the server's reply, its own words) say why in any
 * language; `reason` is the same in English, kept for outbox rows stored before they existed.
 * `overLimit`: refused only because the message had more recipients than the server takes.
 */
export type RecipientRejection = { recipient: string; reason: string; cause?: RefusalCause; reply?: string; overLimit?: boolean };

const CONNECTION_CODES = new Set(["ECONNECTION", "ETIMEDOUT", "ESOCKET", "EDNS", "ETLS", "ECONNREFUSED", "ECONNRESET"]);

/** The server's own words, bounded (they go into a sentence the user reads), or "none". */
function serverReply(e: SmtpErrorLike): string {
  const text = (e.response ?? "").replace(/\s+/g, " ").trim().slice(0, 200);
  return text || "none";
}

const enhancedStatus = (reply: string) => /\b([245])\.(\d{1,3})\.(\d{1,3})\b/.exec(reply)?.slice(1).join(".") ?? "";

/** RFC 5321 4.5.3.1.8: a server refuses recipients past its limit with 452 (older ones 552), with
 * enhanced status X.5.3 (RFC 3463) or Postfix's "too many recipients". */
export function isRecipientLimit(e: SmtpErrorLike): boolean {
  const reply = e.response ?? "";
  const status = enhancedStatus(reply);
  return status === "4.5.3" || status === "5.5.3" || /too many recipients/i.test(reply);
}

/** Why a recipient was refused, from the reply code and enhanced status (RFC 3463). */
export function refusalCauseOf(e: SmtpErrorLike): RefusalCause {
  const reply = e.response ?? "";
  const status = enhancedStatus(reply);
  if (isRecipientLimit(e)) return "overLimit";
  if (status === "5.1.1" || /user unknown|no such user|does not exist|unknown user/i.test(reply)) return "unknownUser";
  if (status === "5.2.2" || e.responseCode === 452 || /quota|mailbox full/i.test(reply)) return "mailboxFull";
  if (status === "5.1.2" || status === "5.1.10") return "domainRefuses";
  if (status.startsWith("5.1.") || e.responseCode === 553) return "badAddress";
  if (status === "5.7.1" || /relay/i.test(reply)) return "notAllowed";
  if (e.responseCode && e.responseCode < 500) return "temporary";
  return "refused";
}

/** Why a recipient was refused, in English words. */
export function describeRejection(e: SmtpErrorLike): string {
  return REFUSAL_CAUSES[refusalCauseOf(e)];
}

function rejectionOf(r: SmtpErrorLike & { recipient: string }): RecipientRejection {
  return {
    recipient: r.recipient,
    reason: `${describeRejection(r)}${r.responseCode ? ` (${r.responseCode})` : ""}`,
    cause: refusalCauseOf(r),
    reply: serverReply(r),
    ...(isRecipientLimit(r) ? { overLimit: true } : {}),
  };
}

/** Every recipient the server refused in an error or a partly accepted send. */
export function listRejections(errors: SmtpErrorLike[] | undefined): RecipientRejection[] {
  return (errors ?? []).filter((r): r is SmtpErrorLike & { recipient: string } => !!r.recipient).map(rejectionOf);
}

/** The cause an English `reason` names: outbox rows stored before `cause` existed hold only that. */
function causeOfReason(reason: string): RefusalCause {
  const found = Object.entries(REFUSAL_CAUSES).find(([, words]) => reason.startsWith(words) && words !== REFUSAL_CAUSES.refused);
  return (found?.[0] as RefusalCause | undefined) ?? "refused";
}

/** Refused recipients named one by one in an error; the rest are counted. */
const NAMED_REFUSALS = 20;

/** Refused recipients as the parts of a list detail (lib/http/error-details.ts listDetail): each
 * named with why and the server's reply; those past the server's recipient limit (possibly
 * thousands) counted, with the limit they ran into: `total` recipients were asked for. */
export function rejectionParts(rejections: RecipientRejection[], total?: number): ErrorDetail[] {
  const over = rejections.filter((r) => r.overLimit);
  const refused = rejections.filter((r) => !r.overLimit);
  // each named one carries the server's reply (up to 200 characters): a few hundred refused one
  // by one would make an error nobody reads and a stored row of hundreds of kilobytes
  const parts = refused
    .slice(0, NAMED_REFUSALS)
    .map((r) => detail("recipientRefused", { recipient: r.recipient, cause: r.cause ?? causeOfReason(r.reason), reply: r.reply ?? "none" }).detail);
  if (refused.length > NAMED_REFUSALS) parts.push(detail("recipientsMoreRefused", { count: refused.length - NAMED_REFUSALS }).detail);
  if (over.length) {
    const taken = total !== undefined ? total - over.length : 0;
    const first = over.slice(0, 3).map((r) => r.recipient).join(", ");
    parts.push(detail("recipientsOverLimit", { count: over.length, first, more: Math.max(0, over.length - 3), limit: Math.max(0, taken) }).detail);
  }
  return parts;
}

/** Refused recipients in an English sentence (rejectionParts). */
export function rejectionSentence(rejections: RecipientRejection[], total?: number): string {
  return rejectionParts(rejections, total).map(englishOf).join(LIST_SEPARATOR);
}

/**
 * Maps a nodemailer failure to a message that names the cause (and the recipient, for RCPT
 * failures). Anything unrecognised becomes SEND_FAILED with the server's reply, never a bare 500:
 * the user must know the message did not leave.
 */
export function toSendError(e: unknown): PosternError {
  if (e instanceof PosternError) return e;
  const err = (e ?? {}) as SmtpErrorLike;
  const rejections = listRejections(err.rejectedErrors);
  if (!rejections.length && err.command === "RCPT TO" && err.recipient) rejections.push(rejectionOf({ ...err, recipient: err.recipient }));
  if (rejections.length) {
    const { text, detail: refused } = listDetail("recipientsRefused", rejectionParts(rejections));
    return new PosternError("RECIPIENT_REJECTED", text, { cause: e, detail: refused });
  }
  if (err.command === "RCPT TO") return new PosternError("RECIPIENT_REJECTED", "The message was not sent. The mail server refused a recipient.", { cause: e });
  const reply = serverReply(err);
  // 4xx (RFC 5321 4.2.1): the server may take it later, e.g. 454 while its sign-in backend is
  // down. Not "authentication failed": the password is fine, and sending again later will work.
  if (err.responseCode && err.responseCode >= 400 && err.responseCode < 500) return PosternError.detailed("SMTP_UNAVAILABLE", "smtpTemporary", { reply }, { cause: e });
  if (err.code === "EAUTH" || err.code === "ENOAUTH" || err.responseCode === 535) return PosternError.detailed("SMTP_AUTH_FAILED", "smtpAuthRefused", { reply }, { cause: e });
  if (err.responseCode === 552 || err.responseCode === 523 || (err.code === "EMESSAGE" && /size/i.test(err.message ?? ""))) {
    return PosternError.detailed("MESSAGE_TOO_LARGE", "smtpTooLarge", { reply }, { cause: e });
  }
  if (err.code && CONNECTION_CODES.has(err.code)) {
    const tls = err.code === "ETLS" || /certificate|self[- ]signed/i.test(err.message ?? "");
    return PosternError.detailed("SMTP_UNAVAILABLE", tls ? "smtpTls" : "smtpUnreachable", undefined, { cause: e });
  }
  return PosternError.detailed("SEND_FAILED", "sendRefused", { reply }, { cause: e });
}
