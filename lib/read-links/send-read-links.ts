// Sending a message "with read confirmation": each recipient gets an ordinary email with a
// link of their own (one opening each, so one recipient cannot spend another's), the message
// itself is sealed per link, and the sender's Sent copy is the full message with a header naming
// the receipts. Plugs into sendMessage as its `submit` step, so Sent, \Answered and the draft's
// removal work as for any other message.
import { mailboxesOf } from "@/lib/compose/parse-addresses";
import { getConfig } from "@/lib/env";
import type { Address } from "@/lib/mime/types";
import { buildMessage, type BuiltMessage, type OutgoingMessage } from "@/lib/smtp/build-message";
import type { Submit } from "@/lib/smtp/send-message";
import { toSendError, type SmtpErrorLike } from "@/lib/smtp/smtp-error";
import { createSmtpTransport } from "@/lib/smtp/transport";
import { linkNoticeHtml, linkNoticeSubject, linkNoticeText } from "./link-notice";
import { newReceiptId } from "./link-token";
import { getMetrics } from "@/lib/observability/metrics";
import { createReadLink, deleteReadLinks } from "./read-link-store";

/** Header of the Sent copy: the receipt ids and whom each link went to (never a link or key). */
export const READ_LINKS_HEADER = "X-Postern-Read-Links";

/** Who sends, where links point, how long they last. */
export type ReadLinkContext = {
  account: string;
  baseUrl: string;
  expiresInDays: number;
  /** Whether the notice's Subject is the message's own (else "A message from …"). */
  showSubject?: boolean;
};

export type ReadLinkPlan = { message: OutgoingMessage; receipts: { id: string; recipient: Address }[] };

/** One receipt per distinct recipient (To, Cc and Bcc, group members included). */
export function planReadLinks(message: OutgoingMessage): ReadLinkPlan {
  const seen = new Set<string>();
  const receipts: ReadLinkPlan["receipts"] = [];
  for (const r of mailboxesOf([...message.to, ...message.cc, ...message.bcc])) {
    const key = r.address.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    receipts.push({ id: newReceiptId(), recipient: r });
  }
  return { message, receipts };
}

/** The message as filed in Sent: the original plus the receipts header. */
export function withReadLinksHeader(plan: ReadLinkPlan): OutgoingMessage {
  const value = plan.receipts.map((r) => `${r.id} <${r.recipient.address}>`).join(", ");
  return { ...plan.message, headers: { ...plan.message.headers, [READ_LINKS_HEADER]: value } };
}

/** The link of one receipt: the token in the path, the key only in the fragment. */
export function readLinkUrl(baseUrl: string, token: string, key: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/r/${token}#${key}`;
}

function isRejection(e: SmtpErrorLike): boolean {
  return e.command === "RCPT TO" || Boolean(e.rejectedErrors?.length);
}

/**
 * The submit step for sendMessage: seals the message once per recipient, stores the
 * ciphertexts, and submits one notice per recipient over SMTP (Bcc recipients get theirs
 * without appearing anywhere). A recipient the server refuses has its link deleted and is
 * reported like any refused recipient; when nobody could be reached, no link is left behind and
 * the error says why, exactly as for a normal send.
 */
export function readLinkSubmit(plan: ReadLinkPlan, ctx: ReadLinkContext): Submit {
  return async (creds, built: BuiltMessage) => {
    const { message } = plan;
    const expiresAt = new Date(Date.now() + ctx.expiresInDays * 24 * 3600 * 1000);
    const sealed = {
      from: message.from,
      to: mailboxesOf(message.to),
      cc: mailboxesOf(message.cc),
      date: new Date().toISOString(),
      subject: message.subject,
      text: message.text,
      files: message.attachments.map((a, i) => ({ filename: built.attachments[i]?.filename ?? a.filename, contentType: a.contentType, content: a.content })),
    };
    const created: string[] = [];
    const notices: { id: string; recipient: string; built: BuiltMessage }[] = [];
    try {
      for (const r of plan.receipts) {
        const secrets = await createReadLink({ id: r.id, account: ctx.account, messageId: built.messageId, recipient: r.recipient.address, sender: message.from, message: { ...sealed }, expiresAt });
        created.push(r.id);
        const notice = { sender: message.from, url: readLinkUrl(ctx.baseUrl, secrets.token, secrets.key), expiresAt };
        const noticeMessage = await buildMessage({
          from: message.from,
          replyTo: message.replyTo,
          to: message.to,
          cc: message.cc,
          bcc: [],
          subject: linkNoticeSubject(message.from, message.subject, ctx.showSubject ?? false),
          text: linkNoticeText(notice),
          html: linkNoticeHtml(notice),
          attachments: [],
          inReplyTo: message.inReplyTo,
          // The notice stands in for the sender's Sent copy: a reply to it threads with that copy.
          references: [...(message.references ?? []), built.messageId],
        });
        notices.push({ id: r.id, recipient: r.recipient.address, built: noticeMessage });
      }
    } catch (e) {
      await deleteReadLinks(created);
      throw e;
    }
    const transport = createSmtpTransport(getConfig(), creds);
    const rejectedErrors: SmtpErrorLike[] = [];
    let delivered = 0;
    try {
      for (const n of notices) {
        try {
          await transport.sendMail({ envelope: { from: built.envelope.from, to: [n.recipient] }, raw: n.built.wire });
          delivered++;
          getMetrics().readLinksSent.inc();
        } catch (e) {
          const err = (e ?? {}) as SmtpErrorLike;
          // Before anything went out, a server or sign-in failure means nothing was sent at all.
          if (!isRejection(err) && delivered === 0) {
            await deleteReadLinks(notices.map((x) => x.id));
            throw e;
          }
          await deleteReadLinks([n.id]);
          const first = err.rejectedErrors?.[0];
          rejectedErrors.push(first ? { ...first, recipient: n.recipient } : { ...err, recipient: n.recipient, response: err.response ?? toSendError(e).message });
        }
      }
    } finally {
      transport.close();
    }
    if (delivered === 0) throw { command: "RCPT TO", rejectedErrors } satisfies SmtpErrorLike;
    return { rejectedErrors };
  };
}
