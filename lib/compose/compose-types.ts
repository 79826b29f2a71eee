// Shapes shared by the composer page, its client component and the compose routes. Types only:
// the browser bundle imports this file.
import type { StoredWarning } from "@/lib/outbox/outbox-state";

export type ComposeKind = "new" | "reply" | "replyAll" | "forward";

/** How the body is written: plain text, or rich text (HTML, sent with a plain-text rendering). */
export type BodyFormat = "plain" | "html";

export type MessageRef = { folder: string; uid: number };

/** A file already on the IMAP server (in a saved draft, or in a message being forwarded): it is
 * copied from there when the message is built, so it is uploaded from the browser only once.
 * `partId` "" means the whole message, attached as message/rfc822 (forward as attachment). */
export type KeptAttachment = MessageRef & { partId: string; filename: string; contentType: string; size: number };

/** What the message answers or forwards; survives in the draft (X-Postern-Draft). */
export type ComposeContext = {
  kind: ComposeKind;
  original: MessageRef | null;
  inReplyTo: string | null;
  references: string[];
};

/** Everything the composer shows. Address fields are the text the user typed. */
export type ComposeState = {
  to: string;
  cc: string;
  bcc: string;
  subject: string;
  /** The text; the HTML when `format` is "html". */
  body: string;
  format: BodyFormat;
  attachments: KeptAttachment[];
  context: ComposeContext;
  /** The saved draft this state was loaded from or last saved to. */
  draft: MessageRef | null;
  /** The identity (lib/identities) it is sent as. */
  identityId: string;
  /** "Confirm reading with a one-time link" is on. */
  readLink: boolean;
  /** Days the links last; null: the account's setting. */
  readLinkDays: number | null;
};

/** Answer of POST /api/compose/draft. */
export type SaveDraftResult = { draft: MessageRef; attachments: KeptAttachment[] };

/** A message waiting out the undo delay (lib/outbox). */
export type QueuedMessage = {
  id: string;
  state: "waiting" | "sending" | "sent" | "failed" | "cancelled";
  remainingMs: number;
  draft: MessageRef;
  warnings: StoredWarning[];
  error: { code: string; message: string; detail?: unknown } | null;
};

/** Answer of POST /api/compose/send: sent at once (`redirect` carries the signed "Message sent"
 * notice), or queued with undo (the draft it was saved as comes along). */
export type SendResult = { redirect: string; warnings: StoredWarning[] } | { queued: QueuedMessage; draft: SaveDraftResult };

/** Answer of GET /api/compose/outbox. */
export type OutboxStatus = { job: QueuedMessage; redirect: string | null };

/** Error answer of the compose routes; `draft` is set when the message was kept in Drafts. */
export type ComposeError = { error: { code: string; message: string; draft?: SaveDraftResult } };

export const EMPTY_CONTEXT: ComposeContext = { kind: "new", original: null, inReplyTo: null, references: [] };
