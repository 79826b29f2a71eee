import { readHtml } from "./read-html";
import type { SpamMessage } from "./spam-message";

// Tokens as in Paul Graham's "A Plan for Spam" and "Better Bayesian Filtering": letters, digits,
// dashes, apostrophes, dollar signs and exclamation marks are part of a token; periods and commas
// are too between two digits, so prices and IP addresses stay whole. Case is kept: "FREE" and
// "free" say different things.
const TOKEN = /(?:[\p{L}\p{N}\p{M}$!'-]|(?<=\p{N})[.,](?=\p{N}))+/gu;
const URL = /\b(?:(?:https?|ftp):\/\/|www\.)[^\s<>"'`]+/gi;
const ONLY_DIGITS = /^\p{N}+$/u;
/** Quotes and dashes around a word ('like this', -- separators) say nothing. */
const EDGE = /^['-]+|['-]+$/g;
const MAX_TOKEN_LENGTH = 40;
/** More text than this is not read: spam puts its pitch first, and the cost stays bounded. */
const MAX_TEXT_CHARS = 200_000;

/** Header fields not learned from: another filter's verdict (the heuristics read it; learning it
 * would teach the filter to trust the server's filter), mailbox bookkeeping, the recipient's own
 * trace fields (Received, Delivered-To...: they describe the user's delivery path, not the
 * sender; the originating hop is read apart, see `pushOrigin`), dates (they say when, not what:
 * a month learned from last month's spam would count against next year's good mail), and a
 * mailing list's bookkeeping (List-Id, List-Help/-Post/-Subscribe/-Unsubscribe/-Archive,
 * Errors-To, Sender, X-BeenThere, X-Mailman-Version, X-Loop, Mailing-List): the list software
 * adds them to every message it forwards, spam included, so they say which list carried a
 * message, not what it is. Learned, one list's seven fields times its name's words filled the
 * 15 deciding tokens of any spam posted to a list the user reads, all at .01. */
const SKIPPED_HEADER =
  /^(?:x-spam-|x-postern-|status$|x-status$|x-keywords$|x-uid$|content-length$|lines$|received$|delivered-to$|x-original-to$|delivery-date$|date$|resent-date$|envelope-to$|x-envelope-to$|list-|errors-to$|sender$|x-beenthere$|x-mailman-version$|x-loop$|mailing-list$)/i;

/** "return-path" -> "Return-Path": one spelling per field, however the sender wrote it. */
function fieldName(name: string): string {
  return name.toLowerCase().replace(/(^|-)([a-z])/g, (_, dash: string, c: string) => dash + c.toUpperCase());
}

function pushWords(text: string, prefix: string, out: string[]): void {
  for (const match of text.matchAll(TOKEN)) {
    const token = match[0].replace(EDGE, "");
    if (token.length < 2 || token.length > MAX_TOKEN_LENGTH || ONLY_DIGITS.test(token)) continue;
    out.push(prefix + token);
  }
}

/** Words of free text; URLs in it become `Url*` tokens of their parts (host labels, path words). */
function pushText(text: string, prefix: string, out: string[]): void {
  const clipped = text.length > MAX_TEXT_CHARS ? text.slice(0, MAX_TEXT_CHARS) : text;
  const rest = clipped.replace(URL, (url) => {
    pushWords(url, "Url*", out);
    return " ";
  });
  pushWords(rest, prefix, out);
}

/** An HTML document sent as plain text: spam often leaves out Content-Type (RFC 2045 then says
 * text/plain) or labels its HTML text/plain, and many mail clients render it as HTML anyway. Read
 * as text, its tag and attribute names ("td", "font", "bgcolor") would become words the filter
 * has only ever seen in good mail, where HTML bodies are labelled and read as HTML. */
const HTML_DOCUMENT_START = /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body)[\s>]/i;

export function looksLikeHtml(text: string): boolean {
  return HTML_DOCUMENT_START.test(text.slice(0, 4096));
}

/** An HTML tag (by its name: only real HTML elements, so "<jm@example.com>" or "x <y> z" stay
 * text) inside a plain-text body. */
const HTML_TAG_IN_TEXT =
  /<\/?(?:a|abbr|area|b|base|basefont|big|blockquote|body|br|center|col|dd|div|dl|dt|em|font|form|h[1-6]|head|hr|html|i|img|input|li|link|map|meta|ol|option|p|pre|select|small|span|strike|strong|sub|sup|table|tbody|td|tfoot|th|thead|title|tr|tt|u|ul)(?=[\s/>])[^<>]*>/gi;
const URL_IN_TAG = /(?:(?:https?|ftp):\/\/|www\.)[^\s"'<>]+/gi;

/** Plain text with HTML markup in it (spamware that writes HTML into a text/plain part, or a
 * multipart body sent without its MIME header, so the whole thing is one text part): the tags go,
 * as in an HTML body, and the URLs in their attributes stay. Otherwise "td", "font", "src" and
 * "width" become words, met in training only in good mail that discusses or quotes HTML. */
function withoutHtmlTags(text: string): string {
  return text.replace(HTML_TAG_IN_TEXT, (tag) => ` ${(tag.match(URL_IN_TAG) ?? []).join(" ")} `);
}

/** The words of an HTML body: its text and the URLs in its attributes (href, src, ...), never the
 * tag or attribute names, comments, scripts or style sheets. */
function pushHtml(html: string, out: string[]): void {
  const facts = readHtml(html.length > MAX_TEXT_CHARS ? html.slice(0, MAX_TEXT_CHARS) : html);
  for (const url of facts.urls) pushWords(url, "Url*", out);
  pushText(facts.text, "", out);
}

/** The "from" clause of a Received field: the name the client gave, its reverse-DNS name and IP. */
const RECEIVED_FROM = /^\s*from\s+([\s\S]*?)(?=\s+by\s|\s+with\s|\s+id\s|\s+for\s|;|$)/i;

/** The earliest hop of the Received chain (the last Received field: each server adds its own on
 * top): where the message entered the mail system, the sender's machine or ISP (its name, its
 * reverse-DNS name, its IP address whole). Only its "from" clause, tagged `Received*`: the later
 * hops are mostly the recipient's own servers, and the date says when, not what. */
function pushOrigin(message: SpamMessage, out: string[]): void {
  const received = message.headers.filter((h) => h.name.toLowerCase() === "received");
  const from = received.at(-1)?.value.match(RECEIVED_FROM)?.[1];
  if (from) pushWords(from, "Received*", out);
}

/**
 * The tokens of a message, with repeats (training counts occurrences). Header words are tagged
 * with their field ("Subject*FREE"), the originating host with "Received*", words inside URLs
 * with "Url*", attachment names with "Attachment*"; body words are bare. The message must already be decoded (transfer encodings,
 * charsets, RFC 2047 words): read-spam-message.ts does that.
 */
export function tokenize(message: SpamMessage): string[] {
  const out: string[] = [];
  for (const { name, value } of message.headers) {
    if (SKIPPED_HEADER.test(name)) continue;
    pushText(value, `${fieldName(name)}*`, out);
  }
  pushOrigin(message, out);
  if (message.html) pushHtml(message.html, out);
  else if (message.text && looksLikeHtml(message.text)) pushHtml(message.text, out);
  else if (message.text) pushText(withoutHtmlTags(message.text), "", out);
  for (const a of message.attachments) {
    pushWords(a.filename, "Attachment*", out);
    out.push(`Attachment*${a.contentType}`);
  }
  return out;
}
