import { MailParser, type AttachmentStream, type HeaderLines, type MailParserOptions, type MessageText } from "mailparser";
import { createAttachmentCollector, createParseBudget, type ParseBudget } from "@/lib/mime/collect-attachments";
import { decodeTextParts, type TextPart } from "@/lib/mime/decode-text-parts";
import { defaultDigestParts } from "@/lib/mime/default-digest-parts";
import { feedParser } from "@/lib/mime/feed-parser";
import { htmlToPlainText } from "@/lib/mime/html-to-text";
import { isHeaderField, noHeaderFields, readHeaderFields } from "@/lib/mime/header-fields";
import { interpretParts } from "@/lib/mime/interpret-parts";
import { readingFlow } from "@/lib/mime/reading-flow";
import { mergeSignedContent } from "@/lib/mime/merge-signed-content";
import { observeStructure } from "@/lib/mime/observe-structure";
import { guessBoundary } from "./guess-boundary";
import { PROBLEMS } from "@/lib/mime/problems";
import { decodeRawText, readRawFallback } from "@/lib/mime/raw-fallback";
import { createTextPartReader } from "@/lib/mime/read-text-parts";
import { repairHeaders } from "@/lib/mime/repair-headers";
import { unblockEmbeddedMessages } from "@/lib/mime/unblock-embedded-messages";
import type { ParsedMessage } from "@/lib/mime/types";

/** Start of the message kept for the raw-text fallback. A message mailparser cannot parse is shown
 * as raw text; past this much it would be unreadable anyway and only costs memory. */
const MAX_RAW_FALLBACK_BYTES = 1024 * 1024;

/** Longest text or HTML body passed on, in characters: more is not mail anyone reads, and the
 * sanitizer's time grows with it. */
const MAX_BODY_CHARS = 5_000_000;

/** HTML longer than this is not converted to plain text: html-to-text is slow on huge markup,
 * and the HTML itself is still shown. */
const MAX_HTML_TO_TEXT_CHARS = 2_000_000;

/** Attached messages inside attached messages are parsed this deep; deeper ones are files. */
const MAX_NESTING_DEPTH = 3;

const PARSER_OPTIONS: MailParserOptions = {
  // checksums are never used, and md5 (the default) is unavailable on FIPS hosts
  checksumAlgo: false,
  maxHtmlLengthToParse: MAX_HTML_TO_TEXT_CHARS,
  // a delivery report's machine-readable part is read into ParsedMessage.report, not shown as text
  keepDeliveryStatus: true,
  // Embedded messages are never merged into the body: each is parsed as a message of its own
  // (collect-attachments.ts) and shown as one, an inline one in the reading flow.
  ignoreEmbedded: true,
};

export type ParseOptions = {
  /** For an attached message parsed on its own: its message/rfc822 part number, so that its
   * parts get the numbers IMAP gives them in the outer message. */
  partPrefix?: string;
  /** How many attached messages this one is inside. */
  depth?: number;
  budget?: ParseBudget;
  /** Set on the second reading of a message whose boundary was repaired (guess-boundary.ts). */
  boundaryGuessed?: boolean;
  /** Given the content of each part listed as an attachment (attached messages are then not
   * parsed): for taking a file out of a message held in memory (read-signed-member.ts). */
  onPartContent?: (partId: string, content: Buffer) => void;
  /** Given each decoded text part as read, before Postern reworks it: for taking a uuencoded
   * file out of a message held in memory (lib/news/download-article-part.ts). */
  onTextPart?: (partId: string, text: string) => void;
};

/**
 * Parses a raw RFC 5322 message into Postern's ParsedMessage, streaming: attachment contents are
 * drained and counted, never buffered, except inline images under the caps. Never rejects:
 * whatever could not be parsed is described in `problems`, and a message mailparser cannot parse
 * at all still yields the headers that could be read and its raw text.
 */
export async function parseMessage(source: NodeJS.ReadableStream | Buffer, options: ParseOptions = {}): Promise<ParsedMessage> {
  try {
    return await parseStreaming(source, options);
  } catch {
    // every known failure is handled below; this keeps the promise to the caller if one is not
    if (!Buffer.isBuffer(source)) source.resume();
    return { ...noHeaderFields(), text: null, html: null, inlineImages: {}, attachments: [], problems: [PROBLEMS.unreadable], ...noExtras() };
  }
}

async function parseStreaming(source: NodeJS.ReadableStream | Buffer, options: ParseOptions): Promise<ParsedMessage> {
  const depth = options.depth ?? 0;
  const budget = options.budget ?? createParseBudget();
  const parser = new MailParser(PARSER_OPTIONS);
  unblockEmbeddedMessages(parser);
  defaultDigestParts(parser);
  repairHeaders(parser);
  const structure = observeStructure(parser, options.partPrefix);
  const textParts = createTextPartReader();
  const onTextPart = options.onTextPart;
  const handleText = onTextPart ? (part: TextPart) => (onTextPart(part.partId, part.text), textParts.handle(part)) : textParts.handle;
  decodeTextParts(parser, (headers) => structure.partIdFor(headers, null), handleText);
  const collector = createAttachmentCollector({
    partIdFor: structure.partIdFor,
    budget,
    parseAttached:
      depth < MAX_NESTING_DEPTH && !options.onPartContent
        ? (content, partId) => parseMessage(content, { partPrefix: partId, depth: depth + 1, budget })
        : undefined,
    keepAll: Boolean(options.onPartContent),
  });
  let headerLines: HeaderLines = [];
  let body: MessageText | null = null;
  parser.on("headerLines", (lines: HeaderLines) => (headerLines = lines));
  parser.on("data", (item: AttachmentStream | MessageText) => {
    if (item.type === "text") body = item;
    else collector.add(item);
  });

  const raw = { chunks: [] as Buffer[], length: 0, truncated: false };
  const outcome = await feedParser(parser, source, (chunk) => {
    const room = MAX_RAW_FALLBACK_BYTES - raw.length;
    if (chunk.length > room) raw.truncated = true;
    if (room <= 0) return;
    const kept = chunk.subarray(0, room);
    raw.chunks.push(kept);
    raw.length += kept.length;
  });
  if (outcome.parserFailed) collector.abandon();
  const collected = await collector.finish();
  for (const part of collected.parts) if (part.content) options.onPartContent?.(part.info.partId, part.content);
  const { tnefBody, signedEntity, ...extras } = await interpretParts({
    collected,
    structure: structure.parts(),
    textFiles: textParts.files,
    textSecurity: textParts.security,
    parseHeaders: (content) => parseMessage(Buffer.concat([content, Buffer.from("\r\n\r\n")]), { depth: depth + 1, budget }),
  });
  const problems = [...structure.problems(), ...collected.problems, ...extras.problems];
  // Parts not found under the declared boundary: read once more with the one the body uses.
  if (problems.includes(PROBLEMS.partsNotFound) && !raw.truncated && !options.boundaryGuessed) {
    const repaired = guessBoundary(Buffer.concat(raw.chunks));
    if (repaired) {
      const again = await parseMessage(repaired, { ...options, boundaryGuessed: true });
      if (!again.problems.includes(PROBLEMS.partsNotFound)) return { ...again, problems: unique([PROBLEMS.boundaryGuessed, ...again.problems]) };
    }
  }
  if (outcome.sourceFailed) problems.push(PROBLEMS.sourceFailed);
  // assigned in the "data" callback, which TypeScript's narrowing of `body` cannot see
  const parsedBody = body as MessageText | null;

  if (outcome.parserFailed || !headerLines.some(isHeaderField)) {
    const fallback = await readRawFallback(Buffer.concat(raw.chunks));
    problems.push(outcome.parserFailed ? PROBLEMS.parseFailed : PROBLEMS.noHeaders, ...fallback.problems);
    if (raw.truncated) problems.push(PROBLEMS.rawTextTruncated);
    return {
      ...fallback.fields,
      text: fallback.text || null,
      html: null,
      inlineImages: collected.inlineImages,
      ...extras,
      problems: unique(problems),
    };
  }

  const headers = readHeaderFields(parser, headerLines);
  if (parsedBody?.textConversionError) problems.push(PROBLEMS.htmlToTextFailed);
  // Outlook's rich-text mail: the only body is inside the winmail.dat
  const fromTnef = tnefBody && !parsedBody?.html && !parsedBody?.text?.trim() ? tnefBody : null;
  const html = capBody(fromTnef ? (fromTnef.kind === "html" ? fromTnef.html : undefined) : parsedBody?.html, problems);
  const ownText = fromTnef ? (fromTnef.kind === "text" ? fromTnef.text : undefined) : parsedBody?.text;
  const orphaned = structure.orphanedContent();
  const text = capBody(ownText ?? deriveText(html, problems) ?? (orphaned.length ? decodeRawText(orphaned) : undefined), problems);
  // only for a text body read whole: a truncated one is shown as it is
  const flow = !fromTnef && html === null && !problems.includes(PROBLEMS.bodyTruncated)
    ? readingFlow({ structure: structure.parts(), shownText: textParts.shown, attachedMessages: extras.attachedMessages })
    : null;
  const message: ParsedMessage = {
    ...headers.fields,
    text,
    html,
    inlineImages: collected.inlineImages,
    ...extras,
    ...(flow ? { flow } : {}),
    problems: unique([...problems, ...headers.problems]),
  };
  // S/MIME opaque signing: the message is inside the signed-data part
  if (!signedEntity || depth >= MAX_NESTING_DEPTH || options.onPartContent) return message;
  const signed = await parseMessage(signedEntity.content, { depth: depth + 1, budget });
  return mergeSignedContent(message, signed, signedEntity.partId);
}

function noExtras(): Required<Pick<ParsedMessage, "attachedMessages" | "calendar" | "report" | "security">> {
  return { attachedMessages: [], calendar: [], report: null, security: [] };
}

/** Text for an HTML-only message whose HTML is not at the top level: mailparser derives none. */
function deriveText(html: string | null, problems: string[]): string | undefined {
  if (html === null) return undefined;
  if (html.length > MAX_HTML_TO_TEXT_CHARS) {
    problems.push(PROBLEMS.htmlToTextFailed);
    return undefined;
  }
  return htmlToPlainText(html);
}

function capBody(value: string | undefined, problems: string[]): string | null {
  if (value === undefined) return null;
  if (value.length <= MAX_BODY_CHARS) return value;
  problems.push(PROBLEMS.bodyTruncated);
  // never end on the first half of a surrogate pair
  const end = /[\ud800-\udbff]/.test(value[MAX_BODY_CHARS - 1]) ? MAX_BODY_CHARS - 1 : MAX_BODY_CHARS;
  return value.slice(0, end);
}

function unique(problems: string[]): string[] {
  return [...new Set(problems)];
}
