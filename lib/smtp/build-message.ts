import crypto from "node:crypto";
import { domainToASCII } from "node:url";
import MailComposer from "nodemailer/lib/mail-composer";
import { formatEntry, type AddressEntry } from "@/lib/compose/parse-addresses";
import { cleanFilename } from "@/lib/mime/clean-filename";
import type { Address } from "@/lib/mime/types";
import type { InlinePart } from "@/lib/compose/inline-images";
import { removeHeaderField } from "./remove-header";
import { sanitizeOutgoingHtml } from "./sanitize-outgoing-html";

export type OutgoingAttachment = { filename: string; contentType: string; content: Buffer };

export type OutgoingMessage = {
  from: Address;
  to: AddressEntry[];
  cc: AddressEntry[];
  bcc: AddressEntry[];
  replyTo?: Address[];
  subject: string;
  text: string;
  /** Rich-text body; sanitized here and sent next to `text` as multipart/alternative. */
  html?: string | null;
  attachments: OutgoingAttachment[];
  /** Images the HTML shows (cid:), sent with it as multipart/related; ignored without `html`. */
  inline?: InlinePart[];
  inReplyTo?: string | null;
  references?: string[];
  /** Extra header fields (ASCII values), e.g. a draft's X-Postern-Draft. */
  headers?: Record<string, string>;
  date?: Date;
};

export type BuiltMessage = {
  /** The complete message, Bcc included: the copy for Sent (and for Drafts). */
  raw: Buffer;
  /** The same bytes without the Bcc field: what goes over SMTP to the recipients. */
  wire: Buffer;
  /** MAIL FROM and every RCPT TO, Bcc recipients included, normalized by nodemailer. */
  envelope: { from: string; to: string[] };
  messageId: string;
  /** The attachments as written, with their IMAP part numbers in the built message. */
  attachments: { partId: string; filename: string; contentType: string; size: number }[];
};

/** Mailboxes go to MailComposer as objects (no re-parsing of names); a group as its text, which
 * is the only form in which MailComposer keeps the group syntax in the header. */
function toComposer(entries: AddressEntry[]): (Address | string)[] {
  return entries.map((e) => ("group" in e ? formatEntry(e) : e));
}

/** A fresh Message-ID on the sender's domain, so it is unique and says where it came from
 * (without naming the Postern host). */
export function newMessageId(from: string): string {
  const domain = domainToASCII(from.slice(from.lastIndexOf("@") + 1)) || "postern.invalid";
  return `<${crypto.randomUUID()}@${domain}>`;
}

/**
 * Builds the RFC 5322 message once with nodemailer's MailComposer: non-ASCII header text becomes
 * RFC 2047 encoded words, bodies get quoted-printable or base64 as their content needs. `raw`
 * keeps the Bcc field (the sender's own copy must say who got it); `wire` is derived from it by
 * removing just that field, so Sent holds exactly what recipients got plus the Bcc line.
 */
export async function buildMessage(m: OutgoingMessage): Promise<BuiltMessage> {
  const messageId = newMessageId(m.from.address);
  const html = m.html ? sanitizeOutgoingHtml(m.html) : null;
  const partIds = attachmentPartIds(m.attachments.length);
  const files = m.attachments.map((a, i) => ({
    partId: partIds[i],
    filename: cleanFilename(a.filename, a.contentType, partIds[i]),
    contentType: a.contentType || "application/octet-stream",
    size: a.content.length,
  }));
  // With a cid, MailComposer puts these in multipart/related beside the HTML, inside part 1, so
  // the files' part numbers stay as attachmentPartIds says.
  const inline = html ? (m.inline ?? []).map((p) => ({ cid: p.cid, filename: p.filename, contentType: p.contentType, content: p.content, contentDisposition: "inline" as const })) : [];
  const composer = new MailComposer({
    from: m.from,
    to: toComposer(m.to),
    cc: toComposer(m.cc),
    bcc: toComposer(m.bcc),
    ...(m.replyTo?.length ? { replyTo: m.replyTo } : {}),
    subject: m.subject,
    messageId,
    date: m.date ?? new Date(),
    ...(m.inReplyTo ? { inReplyTo: m.inReplyTo } : {}),
    ...(m.references?.length ? { references: m.references } : {}),
    // As a Buffer in an object: MailComposer leaves out a text part whose content is "", and every message
    // must keep one (attachment part numbers count on it, see attachmentPartIds).
    text: { content: Buffer.from(m.text, "utf8") },
    ...(html ? { html } : {}),
    attachments: [...fileParts(m.attachments, files), ...inline],
    headers: m.headers,
    // Never read a file or URL named in the content: everything comes from the user as bytes.
    disableFileAccess: true,
    disableUrlAccess: true,
    newline: "win",
  });
  const node = composer.compile();
  node.keepBcc = true;
  const raw = await node.build();
  const envelope = node.getEnvelope();
  if (!envelope.from) throw new Error("buildMessage: the message has no sender");
  return { raw, wire: removeHeaderField(raw, "Bcc"), envelope: { from: envelope.from, to: envelope.to }, messageId, attachments: files };
}

function fileParts(attachments: OutgoingAttachment[], files: BuiltMessage["attachments"]) {
  return attachments.map((a, i) => ({
    filename: files[i].filename,
    contentType: files[i].contentType,
    content: a.content,
    // An attached .eml would otherwise go inline (MailComposer's default for message/rfc822).
    contentDisposition: "attachment" as const,
  }));
}

/** IMAP part numbers of the attachments in a message built here: the body (text, or the
 * text/html alternative) is part 1 of multipart/mixed, attachments follow in order. Lets a saved
 * draft's attachments be referenced without fetching its BODYSTRUCTURE back. */
export function attachmentPartIds(count: number): string[] {
  return Array.from({ length: count }, (_, i) => String(i + 2));
}
