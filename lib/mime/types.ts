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
};
