// Postern's own view of a parsed message. Nothing from mailparser crosses this boundary, so the
// rest of the app does not change when the parser does.

/** One mailbox. Groups are flattened into their members. `address` is "" when the header gave
 * only a display name. */
export type Address = { name: string; address: string };

export type AttachmentInfo = {
  /** IMAP body-part number (RFC 3501 6.4.5), ready for `BODY.PEEK[partId]`. */
  partId: string;
  /** Never empty and never a path: a name is made up when the message gave none. */
  filename: string;
  /** Lowercase MIME type as declared (or guessed from the file name for octet-stream). */
  contentType: string;
  /** Decoded size in bytes. */
  size: number;
  disposition: "attachment" | "inline";
  /** Content-ID without the angle brackets. */
  contentId?: string;
  /** Set when the bytes (not the declared type) are a PNG, JPEG, GIF or WebP image: the view
   * shows a preview and the attachment route serves it inline (issue 8). */
  previewType?: "image/png" | "image/jpeg" | "image/gif" | "image/webp";
  /** Set on a file that is not a MIME part of its own but inside one (unpacked from TNEF,
   * uuencoded in a text part): `partId` is then the containing part and this names the file in
   * it, e.g. "tnef:2" (see derived-member.ts). Download it through the derived-attachment route. */
  member?: string;
  /** Set on a container whose files are listed as attachments of their own (a winmail.dat):
   * a view shows those files instead. */
  unpacked?: boolean;
  /** Set on a text part that is another rendering of the body inside multipart/alternative
   * (text/enriched next to text/plain, Gmail's AMP HTML): not a file the sender attached. */
  alternative?: boolean;
};

/** An attached message/rfc822 part (or a multipart/digest entry), parsed for display. Its own
 * attachments carry real IMAP part numbers under `partId` ("2.1", "2.2", ...). `inline` is set on
 * one sent to be read in place (Content-Disposition: inline, or the message's whole content),
 * not as a file. */
export type AttachedMessage = { partId: string; message: ParsedMessage; inline?: boolean };

/** One piece of a message read in document order: a text part of its own, or an inline message
 * (by part number, one of `attachedMessages`). */
export type FlowItem = { kind: "text"; text: string } | { kind: "message"; partId: string };

/** One event of a text/calendar part (an invitation, its update or cancellation). */
export type CalendarEvent = {
  /** The text/calendar part, for downloading the .ics. */
  partId: string;
  /** iTIP method in upper case: REQUEST (an invitation), CANCEL, REPLY, PUBLISH; null if none. */
  method: string | null;
  summary: string;
  /** ISO 8601 instants (UTC); for an all-day event, dates "YYYY-MM-DD" (end exclusive). */
  start: string | null;
  end: string | null;
  allDay: boolean;
  location: string;
  organizer: Address | null;
  /** The event repeats (has a recurrence rule); only the first occurrence is given. */
  recurring: boolean;
};

/** One recipient line of a delivery status notification (RFC 3464). */
export type DeliveryRecipient = {
  recipient: string;
  /** failed, delayed, delivered, relayed or expanded, lower case. */
  action: string;
  /** Status code such as "5.1.1", and what it means in words. */
  status: string;
  statusText: string;
  /** The remote server's own words ("550 5.1.1 User unknown"), or "". */
  diagnostic: string;
  remoteMta: string;
};

/** A delivery status notification or a read receipt (MDN, RFC 8098), read for display. */
export type DeliveryReport = {
  kind: "delivery-status" | "disposition-notification";
  reportingMta: string;
  recipients: DeliveryRecipient[];
  /** For an MDN: what happened to the message, e.g. "displayed" or "deleted"; else "". */
  disposition: string;
  /** The message the report is about, when the report includes it or its headers. */
  original: { subject: string; to: Address[]; date: string | null; messageId: string | null } | null;
};

/** A signed or encrypted part (S/MIME or OpenPGP). Signatures are not verified yet. `partId` is
 * the signature part of a signed message, the encrypted payload of an encrypted one. */
export type SecurityMarker = {
  kind: "signed" | "encrypted";
  scheme: "smime" | "pgp";
  partId: string;
  /** Who the signer's certificate names, when an S/MIME signed-data part carries it (unverified). */
  signer?: { subject: string; email: string };
};

/** `contentType` is one of SAFE_IMAGE_TYPES (see safe-image.ts); the sanitizer checks it again. */
export type InlineImage = { contentType: string; data: Buffer };

export type ParsedMessage = {
  subject: string;
  from: Address[];
  to: Address[];
  cc: Address[];
  replyTo: Address[];
  /** ISO 8601, or null when the Date header is missing or unreadable. */
  date: string | null;
  /** As written in the header, angle brackets included (what In-Reply-To needs), or null. */
  messageId: string | null;
  /** The plain text to display: from text/plain, or derived from the HTML when there is none. */
  text: string | null;
  /** RAW (unsanitized) HTML body, `cid:` references still in it. Never send it to a browser as is. */
  html: string | null;
  /** Inline images by Content-ID (without <>): only safe raster types, and only under a size cap. */
  inlineImages: Record<string, InlineImage>;
  /** Everything the user can download, inline images and non-displayed parts included. */
  attachments: AttachmentInfo[];
  /** Human-readable notes on what could not be parsed or recovered. */
  problems: string[];
  // Optional so that code building a ParsedMessage by hand keeps compiling; parseMessage always
  // sets them.
  /** Embedded messages (message/rfc822 parts, inline or attached; multipart/digest entries). */
  attachedMessages?: AttachedMessage[];
  /** Calendar events found in text/calendar parts. */
  calendar?: CalendarEvent[];
  /** Set when the message is a delivery status notification or a read receipt. */
  report?: DeliveryReport | null;
  security?: SecurityMarker[];
  /** Set when inline messages sit between the message's own text parts: the text body in
   * document order with them (reading-flow.ts). `text` still holds the whole text. */
  flow?: FlowItem[] | null;
};
