import { PosternError } from "@/lib/http/errors";
import type { Address } from "@/lib/mime/types";
import type { OutgoingAttachment, OutgoingMessage } from "@/lib/smtp/build-message";
import type { ComposeContext, KeptAttachment, MessageRef } from "./compose-types";
import { DRAFT_INFO_HEADER, encodeDraftInfo } from "./draft-info";
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
  body: string;
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

function common(s: ComposeSubmission, attachments: OutgoingAttachment[], strict: boolean): OutgoingMessage {
  const answering = s.context.kind === "reply" || s.context.kind === "replyAll";
  return {
    from: s.from,
    replyTo: s.replyTo,
    to: readField(s, "to", strict),
    cc: readField(s, "cc", strict),
    bcc: readField(s, "bcc", strict),
    subject: s.subject,
    text: s.body,
    attachments,
    ...(answering ? { inReplyTo: s.context.inReplyTo, references: s.context.references } : {}),
  };
}

/** The message to send. @throws PosternError BAD_REQUEST naming what is not an address, or
 * saying that nobody would get it */
export function toSendableMessage(s: ComposeSubmission, attachments: OutgoingAttachment[]): OutgoingMessage {
  const message = common(s, attachments, true);
  const recipients = [message.to, message.cc, message.bcc].flatMap(mailboxesOf);
  if (recipients.length === 0) throw new PosternError("BAD_REQUEST", "Add at least one recipient in To, Cc or Bcc.");
  return message;
}

/** The message to keep in Drafts: whatever parses goes into the headers (other mail programs
 * read those); the fields exactly as typed, half-written addresses included, go into
 * X-Postern-Draft so that nothing typed is lost. */
export function toDraftMessage(s: ComposeSubmission, attachments: OutgoingAttachment[]): OutgoingMessage {
  const info = encodeDraftInfo({ context: s.context, to: s.to, cc: s.cc, bcc: s.bcc, endsWithNewline: s.body.endsWith("\n"), readLink: s.readLink, readLinkDays: s.readLinkDays });
  return { ...common(s, attachments, false), headers: { [DRAFT_INFO_HEADER]: info } };
}
