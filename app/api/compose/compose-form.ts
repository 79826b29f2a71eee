import { z } from "zod";
import type { MailSession } from "@/lib/auth/session-store";
import { mailboxesOf, parseAddressField } from "@/lib/compose/parse-addresses";
import type { ComposeSubmission } from "@/lib/compose/submission";
import { findIdentity } from "@/lib/identities/identity-store";
import { sendableIdentities } from "@/lib/accounts/account-sender";
import { identityOwnerOf } from "@/lib/accounts/mailbox-owner";
import type { ImapIdentity } from "@/lib/imap/session-pool";
import type { OutgoingAttachment } from "@/lib/smtp/build-message";
import { getSendLimit } from "@/lib/smtp/size-limit";

// The composer's multipart form (app/mail/compose/post-compose.ts builds it). Structured fields
// travel as JSON strings; files under "files".

const folder = z.string().min(1).max(1000);
const uid = z.number().int().positive().max(4294967295);
const ref = z.object({ folder, uid });

/** A JSON-encoded form field, validated with `schema`. */
function json<T extends z.ZodType>(schema: T) {
  return z
    .string()
    .max(2_000_000)
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: "not JSON" });
        return z.NEVER;
      }
    })
    .pipe(schema);
}

const kept = z.object({
  folder,
  uid,
  partId: z.string().regex(/^(?:\d+(?:\.\d+)*)?$/).max(100),
  filename: z.string().max(1000),
  contentType: z.string().max(255),
  size: z.number().int().min(0),
});

const context = z.object({
  kind: z.enum(["new", "reply", "replyAll", "forward"]),
  original: ref.nullable(),
  inReplyTo: z.string().max(1000).nullable(),
  references: z.array(z.string().max(1000)).max(100),
});

const text = (max: number) => z.string().max(max).default("");

export const composeFormSchema = z.object({
  to: text(100_000),
  cc: text(100_000),
  bcc: text(100_000),
  subject: text(2000).transform((s) => s.replace(/[\r\n]+/g, " ")),
  // Rich text carries its images as data: URLs; the request's size cap (maxComposeBody) is what
  // really bounds it.
  body: text(60_000_000),
  format: z.enum(["plain", "html"]).default("plain"),
  kept: json(z.array(kept).max(100)).default([]),
  context: json(context),
  draft: json(ref.nullable()).default(null),
  /** Folder to go back to after sending. */
  back: folder.default("INBOX"),
  /** Which of the user's identities to send as (lib/identities); unknown means the default. */
  identity: z.string().max(100).default(""),
  files: z.array(z.instanceof(File)).max(100).default([]),
  /** "Confirm reading with a one-time link". */
  readLink: z.enum(["true", "false"]).default("false").transform((v) => v === "true"),
  /** Days its links last; "" for the account's setting. */
  readLinkDays: z
    .string()
    .regex(/^(?:[1-9]\d{0,2})?$/)
    .default("")
    .transform((v) => (v ? Number(v) : null))
    .pipe(z.number().int().min(1).max(365).nullable()),
});

export type ComposeForm = z.infer<typeof composeFormSchema>;

/** Largest request body: the send limit, plus room for the form's own fields and boundaries. */
export async function maxComposeBody(): Promise<number> {
  return (await getSendLimit()) + 1024 * 1024;
}

/** The validated form as a submission from one of the signed-in user's identities, or from the
 * address of the added account `imap` belongs to (issue 22). */
export async function toSubmission(form: ComposeForm, session: MailSession, imap?: ImapIdentity): Promise<ComposeSubmission> {
  // an added mailbox sends as one of its own identities (issue 22)
  const chosen = await findIdentity(identityOwnerOf(session, imap), form.identity);
  const identity = imap?.account ? sendableIdentities([chosen])[0] : chosen;
  const uploads: OutgoingAttachment[] = await Promise.all(
    form.files.map(async (f) => ({ filename: f.name, contentType: f.type || "application/octet-stream", content: Buffer.from(await f.arrayBuffer()) })),
  );
  return {
    from: { name: identity.name, address: identity.address },
    replyTo: mailboxesOf(parseAddressField(identity.replyTo).entries),
    to: form.to,
    cc: form.cc,
    bcc: form.bcc,
    subject: form.subject,
    body: form.body.replace(/\r\n?/g, "\n"),
    format: form.format,
    kept: form.kept,
    uploads,
    context: form.context,
    draft: form.draft,
    readLink: form.readLink,
    readLinkDays: form.readLinkDays,
  };
}
