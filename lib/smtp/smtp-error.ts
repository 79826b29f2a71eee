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

/** `overLimit`: refused only because the message had more recipients than the server takes. */
export type RecipientRejection = { recipient: string; reason: string; overLimit?: boolean };

const CONNECTION_CODES = new Set(["ECONNECTION", "ETIMEDOUT", "ESOCKET", "EDNS", "ETLS", "ECONNREFUSED", "ECONNRESET"]);

/** The server's own words, bounded: they go into a sentence the user reads. */
function serverSaid(e: SmtpErrorLike): string {
  const text = (e.response ?? "").replace(/\s+/g, " ").trim();
  return text ? ` The server said: “${text.slice(0, 200)}”.` : "";
}

const enhancedStatus = (reply: string) => /\b([245])\.(\d{1,3})\.(\d{1,3})\b/.exec(reply)?.slice(1).join(".") ?? "";

/** RFC 5321 4.5.3.1.8: a server refuses recipients past its limit with 452 (older ones 552), with
 * enhanced status X.5.3 (RFC 3463) or Postfix's "too many recipients". */
export function isRecipientLimit(e: SmtpErrorLike): boolean {
  const reply = e.response ?? "";
  const status = enhancedStatus(reply);
  return status === "4.5.3" || status === "5.5.3" || /too many recipients/i.test(reply);
}

/** Why a recipient was refused, in words, from the reply code and enhanced status (RFC 3463). */
export function describeRejection(e: SmtpErrorLike): string {
  const reply = e.response ?? "";
  const status = enhancedStatus(reply);
  if (isRecipientLimit(e)) return "over the server's limit of recipients per message";
  if (status === "5.1.1" || /user unknown|no such user|does not exist|unknown user/i.test(reply)) return "unknown user (no such mailbox)";
  if (status === "5.2.2" || e.responseCode === 452 || /quota|mailbox full/i.test(reply)) return "the recipient's mailbox is full";
  if (status === "5.1.2" || status === "5.1.10") return "the recipient's domain does not accept mail";
  if (status.startsWith("5.1.") || e.responseCode === 553) return "not a valid address";
  if (status === "5.7.1" || /relay/i.test(reply)) return "the server does not allow sending to this address";
  if (e.responseCode && e.responseCode < 500) return "temporarily refused, try again later";
  return "refused";
}

/** Every recipient the server refused in an error or a partly accepted send. */
export function listRejections(errors: SmtpErrorLike[] | undefined): RecipientRejection[] {
  return (errors ?? [])
    .filter((r) => r.recipient)
    .map((r) => ({
      recipient: r.recipient as string,
      reason: `${describeRejection(r)}${r.responseCode ? ` (${r.responseCode})` : ""}`,
      ...(isRecipientLimit(r) ? { overLimit: true } : {}),
    }));
}

/** Refused recipients named in a sentence; those past the server's recipient limit (possibly
 * thousands) are counted, with the limit they ran into: `total` recipients were asked for. */
export function rejectionSentence(rejections: RecipientRejection[], total?: number): string {
  const over = rejections.filter((r) => r.overLimit);
  const named = rejections.filter((r) => !r.overLimit).map((r) => `${r.recipient}: ${r.reason}`);
  if (over.length) {
    const taken = total !== undefined ? total - over.length : 0;
    const limit = taken > 0 ? `takes at most ${taken} recipients per message` : "limits the number of recipients per message";
    const first = over.slice(0, 3).map((r) => r.recipient).join(", ");
    named.push(`${over.length} recipient${over.length === 1 ? "" : "s"} (${first}${over.length > 3 ? ", …" : ""}): the mail server ${limit}; send it to them in another message`);
  }
  return named.join("; ");
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
  if (err.command === "RCPT TO" || rejections.length) {
    const list = rejections.length ? rejectionSentence(rejections) : (err.recipient ?? "a recipient");
    return new PosternError("RECIPIENT_REJECTED", `The message was not sent. The mail server refused ${list}.`, { cause: e });
  }
  // 4xx (RFC 5321 4.2.1): the server may take it later, e.g. 454 while its sign-in backend is
  // down. Not "authentication failed": the password is fine, and sending again later will work.
  if (err.responseCode && err.responseCode >= 400 && err.responseCode < 500) {
    return new PosternError(
      "SMTP_UNAVAILABLE",
      `The message was not sent: the outgoing mail server cannot take it right now (a temporary failure). Please try again later.${serverSaid(err)}`,
      { cause: e },
    );
  }
  if (err.code === "EAUTH" || err.code === "ENOAUTH" || err.responseCode === 535) {
    return new PosternError(
      "SMTP_AUTH_FAILED",
      `The message was not sent: the mail server did not accept your sign-in for sending (authentication failed).${serverSaid(err)}`,
      { cause: e },
    );
  }
  if (err.responseCode === 552 || err.responseCode === 523 || (err.code === "EMESSAGE" && /size/i.test(err.message ?? ""))) {
    return new PosternError(
      "MESSAGE_TOO_LARGE",
      `The message was not sent: it is larger than the mail server accepts. Remove or shrink attachments.${serverSaid(err)}`,
      { cause: e },
    );
  }
  if (err.code && CONNECTION_CODES.has(err.code)) {
    const tls = err.code === "ETLS" || /certificate|self[- ]signed/i.test(err.message ?? "");
    return new PosternError(
      "SMTP_UNAVAILABLE",
      tls
        ? "The message was not sent: a secure connection to the outgoing mail server could not be made (certificate or TLS problem)."
        : "The message was not sent: the outgoing mail server cannot be reached right now. Please try again in a moment.",
      { cause: e },
    );
  }
  return new PosternError("SEND_FAILED", `The message was not sent: the mail server refused it.${serverSaid(err)}`, { cause: e });
}
