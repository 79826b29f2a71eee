import crypto from "node:crypto";
import MailComposer from "nodemailer/lib/mail-composer";
import { htmlToPlainText } from "@/lib/compose/html-to-plain";
import type { Address } from "@/lib/mime/types";
import { sanitizeOutgoingHtml } from "@/lib/smtp/sanitize-outgoing-html";

export type ArticleDraft = {
  from: Address;
  newsgroups: readonly string[];
  subject: string;
  /** Plain text: news gets text/plain (RFC 5536 readers may show nothing else). */
  text: string;
  /** Rich text from the composer: posted sanitized as multipart/alternative, its text/plain part
   * rendered from the sanitized HTML (`text` is then ignored). */
  html?: string;
  /** The article answered, oldest first, its own Message-ID last (a follow-up); [] for a new thread. */
  references?: readonly string[];
  /** Where follow-ups should go when not to `newsgroups`. */
  followupTo?: readonly string[];
  /** A control message (RFC 5537 5.3): "cancel <id>". */
  control?: string;
  /** RFC 8315 fields: Cancel-Lock on a post (computed from its Message-ID, see cancel-lock.ts),
   * Cancel-Key on a cancel. */
  cancelLock?: (messageId: string) => string;
  cancelKey?: string;
};

/** References kept when a thread grows long: the first and the newest (RFC 5537 3.4.4 lets a
 * poster trim the middle), so headers stay under the line limits servers enforce. */
const MAX_REFERENCES = 20;

export function trimReferences(refs: readonly string[]): string[] {
  return refs.length <= MAX_REFERENCES ? [...refs] : [refs[0], ...refs.slice(-(MAX_REFERENCES - 1))];
}

/**
 * Builds an article (RFC 5536) with nodemailer's MailComposer, as mail is built: encoded words for
 * non-ASCII headers, a transfer encoding chosen for the text, a fresh Message-ID at `domain`;
 * text/plain, or multipart/alternative (text/plain + sanitized text/html) for a rich post.
 */
export async function buildArticle(draft: ArticleDraft, opts: { domain: string; date?: Date }): Promise<{ raw: Buffer; messageId: string }> {
  const messageId = `${crypto.randomUUID()}@${opts.domain}`;
  const refs = trimReferences(draft.references ?? []);
  const headers: Record<string, string> = { Newsgroups: draft.newsgroups.join(",") };
  if (draft.followupTo?.length) headers["Followup-To"] = draft.followupTo.join(",");
  if (draft.control) headers.Control = draft.control;
  if (draft.cancelLock) headers["Cancel-Lock"] = draft.cancelLock(messageId);
  if (draft.cancelKey) headers["Cancel-Key"] = draft.cancelKey;
  headers["User-Agent"] = "Postern";
  // sanitized as outgoing mail is: formatting and plain links only, nothing fetched from elsewhere
  const html = draft.html !== undefined ? sanitizeOutgoingHtml(draft.html) : null;
  const composer = new MailComposer({
    from: { name: draft.from.name, address: draft.from.address },
    subject: draft.subject,
    ...(html !== null ? { text: htmlToPlainText(html), html } : { text: draft.text }),
    messageId: `<${messageId}>`,
    date: opts.date ?? new Date(),
    ...(refs.length ? { references: refs.map((r) => `<${r}>`).join(" ") } : {}),
    headers,
  });
  const raw = await composer.compile().build();
  return { raw, messageId };
}

/** Subject of a follow-up: one "Re: " in front, never "Re: Re:". */
export function followupSubject(subject: string): string {
  return /^\s*re\s*:/i.test(subject) ? subject.trim() : `Re: ${subject.trim()}`;
}
