import { PosternError } from "@/lib/http/errors";
import type { Address } from "@/lib/mime/types";
import type { OutgoingAttachment, OutgoingMessage } from "@/lib/smtp/build-message";
import { sanitizeOutgoingHtml } from "@/lib/smtp/sanitize-outgoing-html";
import type { BodyFormat, ComposeContext, KeptAttachment, MessageRef } from "./compose-types";
import { DRAFT_INFO_HEADER, encodeDraftInfo } from "./draft-info";
import { htmlToPlainText } from "./html-to-plain";
import { extractInlineImages } from "./inline-images";
import { mailboxesOf, parseAddressField, type AddressEntry } from "./parse-addresses";

/** What the composer posts, validated at the HTTP boundary (app/api/compose/read-compose-form.ts). */
export type ComposeSubmission = {
  from: Address;
  /** Reply-To of the identity sent as, if it has one. */
  replyTo?: Address[];
  to: string;
  cc: string;
  bcc: string;
  subject: string;
  /** The text, or with `format` "html" the rich-text HTML (images as data: URLs). */
  body: string;
  /** "plain" when absent. */
  format?: BodyFormat;
  /** Files already on the IMAP server, copied from there. */
  kept: KeptAttachment[];
  /** Files uploaded with this request. */
  uploads: OutgoingAttachment[];
  context: ComposeContext;
  /** The previously saved version, replaced (save) or removed (send). */
  draft: MessageRef | null;
  /** "Confirm reading with a one-time link" (lib/read-links): recipients get links, not the message. */
  readLink?: boolean;
  /** Days the links last; null or absent: the account's setting. */
  readLinkDays?: number | null;
};

const FIELD_LABEL = { to: "To", cc: "Cc", bcc: "Bcc" } as const;

function readField(s: ComposeSubmission, field: keyof typeof FIELD_LABEL, strict: boolean): AddressEntry[] {
  const { entries, invalid } = parseAddressField(s[field]);
  if (strict && invalid.length) {
    const list = invalid.map((x) => `“${x}”`).join(", ");
    throw new PosternError("BAD_REQUEST", `${FIELD_LABEL[field]}: ${list} ${invalid.length > 1 ? "are not email addresses" : "is not an email address"}. Please correct it.`);
  }
  return entries;
}

/** The body parts: the text as typed; or the HTML with its images as inline parts, and a
 * plain-text rendering of it (the HTML is sanitized when the message is built). */
function bodyParts(s: ComposeSubmission, imageBytes: number): Pick<OutgoingMessage, "text" | "html" | "inline"> {
  if (s.format !== "html") return { text: s.body };
  const { html, parts } = extractInlineImages(s.body, imageBytes);
  // The text is rendered from what the HTML part will say, not from what was posted.
  const clean = sanitizeOutgoingHtml(html);
  return { text: htmlToPlainText(clean), html: clean, inline: parts };
}

/** What the images of a rich body may take, with the message's files. */
type Budget = { maxBytes: number };

function common(s: ComposeSubmission, attachments: OutgoingAttachment[], strict: boolean, budget: Budget): OutgoingMessage {
  const files = attachments.reduce((n, a) => n + a.content.length, 0);
  const answering = s.context.kind === "reply" || s.context.kind === "replyAll";
  return {
    from: s.from,
    replyTo: s.replyTo,
    to: readField(s, "to", strict),
    cc: readField(s, "cc", strict),
    bcc: readField(s, "bcc", strict),
    subject: s.subject,
    ...bodyParts(s, Math.max(0, budget.maxBytes - files)),
    attachments,
    ...(answering ? { inReplyTo: s.context.inReplyTo, references: s.context.references } : {}),
  };
}

/** The message to send. @throws PosternError BAD_REQUEST naming what is not an address, or
 * saying that nobody would get it */
export function toSendableMessage(s: ComposeSubmission, attachments: OutgoingAttachment[], budget: Budget): OutgoingMessage {
  const message = common(s, attachments, true, budget);
  const recipients = [message.to, message.cc, message.bcc].flatMap(mailboxesOf);
  if (recipients.length === 0) throw new PosternError("BAD_REQUEST", "Add at least one recipient in To, Cc or Bcc.");
  return message;
}

/** The message to keep in Drafts: whatever parses goes into the headers (other mail programs
 * read those); the fields exactly as typed, half-written addresses included, go into
 * X-Postern-Draft so that nothing typed is lost. */
export function toDraftMessage(s: ComposeSubmission, attachments: OutgoingAttachment[], budget: Budget): OutgoingMessage {
  const info = encodeDraftInfo({
    context: s.context,
    to: s.to,
    cc: s.cc,
    bcc: s.bcc,
    endsWithNewline: s.body.endsWith("\n"),
    readLink: s.readLink,
    readLinkDays: s.readLinkDays,
    format: s.format,
  });
  return { ...common(s, attachments, false, budget), headers: { [DRAFT_INFO_HEADER]: info } };
}
