import { parseAddressHeader } from "mailparser";
import { readingText } from "@/lib/mime/reading-text";
import { ACCOUNT_IDENTITY_ID, type Identity } from "@/lib/identities/identity-types";
import { pickIdentity, withSignature } from "@/lib/identities/pick-identity";
import { PosternError } from "@/lib/http/errors";
import type { ImapIdentity } from "@/lib/imap/session-pool";
import { withMailbox } from "@/lib/imap/with-mailbox";
import { cleanFilename } from "@/lib/mime/clean-filename";
import { convertAddresses } from "@/lib/mime/convert-addresses";
import type { Address, ParsedMessage } from "@/lib/mime/types";
import { sanitizeOutgoingHtml } from "@/lib/smtp/sanitize-outgoing-html";
import { EMPTY_CONTEXT, type BodyFormat, type ComposeState, type MessageRef } from "./compose-types";
import { decodeDraftInfo, DRAFT_INFO_HEADER, restoreBody } from "./draft-info";
import { embedInlineImages, referencedContentIds } from "./inline-images";
import { carriedAttachments, loadSource } from "./load-source";
import { plainTextToHtml } from "./plain-to-html";
import { formatAddressList } from "./parse-addresses";
import { forwardBody, forwardSubject, replyBody, replySubject, type QuoteWords } from "./quote-original";
import { replyRecipients } from "./reply-recipients";
import { readMessageIds, replyThreadHeaders } from "./thread-headers";

export type ComposeRequest =
  | { kind: "new"; to?: string }
  | { kind: "reply" | "replyAll" | "forward" | "forwardAttached"; ref: MessageRef }
  | { kind: "draft"; ref: MessageRef }
  /** Reply by mail to the author of a news article (issue 24), read through `opts.readArticle`. */
  | { kind: "replyToArticle"; article: ArticleRef };

export type ArticleRef = { group: string; number: number };

/** What a reply by mail needs of a news article: its parsed form and References (bare ids). */
export type ArticleReplySource = { message: ParsedMessage; references: string[] };

const EMPTY: ComposeState = {
  to: "",
  cc: "",
  bcc: "",
  subject: "",
  body: "",
  format: "plain",
  attachments: [],
  context: EMPTY_CONTEXT,
  draft: null,
  identityId: ACCOUNT_IDENTITY_ID,
  readLink: false,
  readLinkDays: null,
};

/**
 * What the composer opens with: empty, an answer to a message (recipients, "Re:", quote,
 * thread headers), an inline forward (its text and files), or a saved draft to continue. New
 * messages, replies and forwards get the signature of the identity they are sent as: for an
 * answer or forward, the one the original was addressed to.
 * @param ownAddresses the user's addresses, left out of Reply all
 * @param identities the user's identities, default first (none: the account's own address)
 * @param opts.format how a new message, reply or forward starts (the account's setting); a
 *   draft opens as it was written
 * @param opts.readArticle reads a news article, for a reply by mail to its author
 * @param opts.quoteWords the writer's words for the attribution and forward header (English in UTC by default)
 * @throws PosternError NOT_FOUND | BAD_REQUEST | IMAP_UNAVAILABLE
 */
export async function prepareCompose(
  imap: ImapIdentity,
  ownAddresses: string[],
  req: ComposeRequest,
  identities: Identity[] = [],
  opts: { format?: BodyFormat; readArticle?: (ref: ArticleRef) => Promise<ArticleReplySource>; quoteWords?: QuoteWords } = {},
): Promise<ComposeState> {
  const as = (addressedTo: { address: string; name: string }[]) => (identities.length ? pickIdentity(identities, addressedTo) : null);
  // Written as plain text, then turned into HTML for rich text: the quote becomes a blockquote,
  // the signature a paragraph of its own.
  const inFormat = (state: ComposeState): ComposeState => (opts.format === "html" ? { ...state, format: "html", body: plainTextToHtml(state.body) } : state);
  const sign = (state: ComposeState, identity: Identity | null): ComposeState =>
    inFormat(identity ? { ...state, identityId: identity.id, body: withSignature(state.body, identity.signature) } : state);
  if (req.kind === "new") return sign({ ...EMPTY, to: req.to ?? "" }, as([]));
  if (req.kind === "forwardAttached") return sign(await forwardAttached(imap, req.ref), as([]));
  if (req.kind === "draft") {
    const draft = await loadDraft(imap, req.ref);
    const identity = as(draft.from);
    return { ...draft.state, identityId: identity?.id ?? ACCOUNT_IDENTITY_ID };
  }
  if (req.kind === "replyToArticle") {
    if (!opts.readArticle) throw new PosternError("BAD_REQUEST", "Replying to an article needs the news server.");
    const article = await opts.readArticle(req.article);
    const references = article.references.map((id) => `<${id}>`).join(" ");
    // the article itself stays where it is: nothing to flag as answered on the mail server
    return sign(answer(article.message, { references, inReplyTo: null }, { kind: "reply", own: ownAddresses, original: null, words: opts.quoteWords }), as([]));
  }
  const { message, headers } = await loadSource(imap, req.ref, ["references", "in-reply-to"]);
  const identity = as([...message.to, ...message.cc]);
  if (req.kind === "forward") {
    const forward: ComposeState = {
      ...EMPTY,
      subject: forwardSubject(message.subject),
      body: forwardBody(message, readingText(message), opts.quoteWords),
      attachments: carriedAttachments(req.ref, message.attachments),
      context: { kind: "forward", original: req.ref, inReplyTo: null, references: [] },
    };
    return sign(forward, identity);
  }
  const parent = { references: headers.references ?? null, inReplyTo: headers["in-reply-to"] ?? null };
  return sign(answer(message, parent, { kind: req.kind, own: ownAddresses, original: req.ref, words: opts.quoteWords }), identity);
}

/** A reply to `message`: its author (Reply-To, else From; everyone for reply all), "Re:", the
 * quote, and In-Reply-To/References built from the parent's own thread headers. */
function answer(
  message: ParsedMessage,
  parent: { references: string | null; inReplyTo: string | null },
  opts: { kind: "reply" | "replyAll"; own: string[]; original: MessageRef | null; words?: QuoteWords },
): ComposeState {
  const { to, cc } = replyRecipients(message, opts.own, opts.kind === "replyAll");
  const thread = replyThreadHeaders({ messageId: message.messageId, ...parent });
  return {
    ...EMPTY,
    to: formatAddressList(to),
    cc: formatAddressList(cc),
    subject: replySubject(message.subject),
    body: replyBody({ ...message, text: readingText(message) }, opts.words),
    context: { kind: opts.kind, original: opts.original, ...thread },
  };
}

/** Forward as attachment: the original whole, as a message/rfc822 file, and an empty body. Only
 * its envelope is read here; the bytes are copied from the server when the message is sent. */
async function forwardAttached(imap: ImapIdentity, ref: MessageRef): Promise<ComposeState> {
  const meta = await withMailbox(imap, ref.folder, async ({ client }) => {
    return client.fetchOne(String(ref.uid), { uid: true, envelope: true, size: true }, { uid: true });
  });
  if (!meta) throw new PosternError("NOT_FOUND", "This message no longer exists. It may have been moved or deleted.");
  const subject = meta.envelope?.subject ?? "";
  const filename = cleanFilename(`${subject.trim() || "message"}.eml`, "message/rfc822", "1");
  return {
    ...EMPTY,
    subject: forwardSubject(subject),
    attachments: [{ ...ref, partId: "", filename, contentType: "message/rfc822", size: meta.size ?? 0 }],
    context: { kind: "forward", original: ref, inReplyTo: null, references: [] },
  };
}

/** A saved draft back in the composer: Postern's own drafts carry the fields exactly as typed;
 * drafts of other mail programs are read from their headers. */
async function loadDraft(imap: ImapIdentity, ref: MessageRef): Promise<{ state: ComposeState; from: Address[] }> {
  const { message, headers } = await loadSource(imap, ref, ["bcc", "references", "in-reply-to", DRAFT_INFO_HEADER]);
  const info = decodeDraftInfo(headers[DRAFT_INFO_HEADER.toLowerCase()]);
  const bcc = headers.bcc ? formatAddressList(convertAddresses(parseAddressHeader(headers.bcc))) : "";
  // A rich draft: its HTML (sanitized as when it is sent), images back as data: URLs, and those
  // images not listed again as files.
  const html = info?.format === "html" && message.html ? sanitizeOutgoingHtml(message.html) : null;
  const shown = html ? referencedContentIds(html) : new Set<string>();
  const files = message.attachments.filter((a) => !(a.contentId && shown.has(a.contentId)));
  const state: ComposeState = {
    ...EMPTY,
    to: info?.to ?? formatAddressList(message.to),
    cc: info?.cc ?? formatAddressList(message.cc),
    bcc: info?.bcc ?? bcc,
    subject: message.subject,
    body: html ? embedInlineImages(html, message.inlineImages) : restoreBody(message.text ?? "", info),
    format: html ? "html" : "plain",
    attachments: carriedAttachments(ref, files).filter((a) => !a.partId.includes(".")),
    context: {
      kind: info?.context.kind ?? "new",
      original: info?.context.original ?? null,
      inReplyTo: readMessageIds(headers["in-reply-to"])[0] ?? null,
      references: readMessageIds(headers.references),
    },
    draft: ref,
    readLink: info?.readLink ?? false,
    readLinkDays: info?.readLinkDays ?? null,
  };
  return { state, from: message.from };
}
