import iconv from "iconv-lite";
import { MailParser, type HeaderLines } from "mailparser";
import { feedParser } from "@/lib/mime/feed-parser";
import { type HeaderFields, isHeaderField, noHeaderFields, readHeaderFields } from "@/lib/mime/header-fields";
import { unblockEmbeddedMessages } from "@/lib/mime/unblock-embedded-messages";

/** How far into a message its header block is looked for when mailparser could not parse it:
 * real header blocks are a few KiB, even with long Received chains. */
const MAX_FALLBACK_HEADER_BYTES = 256 * 1024;

export type RawFallback = { fields: HeaderFields; problems: string[]; text: string };

/**
 * What can be read from the start of a message mailparser could not parse: the headers, if there
 * is a header block, parsed on their own, and the rest as raw text. `raw` is the beginning of the
 * message. Never rejects.
 */
export async function readRawFallback(raw: Buffer): Promise<RawFallback> {
  const { header, body } = splitHeaderBlock(raw);
  const parsed = header ? await parseHeaderBlock(header) : null;
  if (!parsed || !parsed.headerLines.some(isHeaderField)) {
    return { fields: noHeaderFields(), problems: [], text: decodeRawText(raw) };
  }
  return { ...readHeaderFields(parsed.parser, parsed.headerLines), text: decodeRawText(body) };
}

/** Raw bytes as display text: UTF-8 when they are valid UTF-8, else Windows-1252 (the usual
 * undeclared 8-bit charset), with control characters other than tab and line breaks removed. */
export function decodeRawText(bytes: Buffer): string {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    text = iconv.decode(bytes, "windows-1252");
  }
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "").replace(/\r\n?/g, "\n");
}

function splitHeaderBlock(raw: Buffer): { header: Buffer | null; body: Buffer } {
  const window = raw.subarray(0, MAX_FALLBACK_HEADER_BYTES);
  const match = /\r?\n\r?\n/.exec(window.toString("latin1"));
  if (match) return { header: raw.subarray(0, match.index), body: raw.subarray(match.index + match[0].length) };
  // No blank line in reach: all of it may be header; keep whole lines for the header parse.
  const lastBreak = window.lastIndexOf(0x0a);
  return { header: lastBreak > 0 ? window.subarray(0, lastBreak) : null, body: raw };
}

async function parseHeaderBlock(header: Buffer): Promise<{ parser: MailParser; headerLines: HeaderLines }> {
  const parser = new MailParser({ checksumAlgo: false });
  unblockEmbeddedMessages(parser);
  let headerLines: HeaderLines = [];
  parser.on("headerLines", (lines: HeaderLines) => (headerLines = lines));
  parser.on("data", (item) => {
    if (item.type !== "attachment") return;
    item.content.resume();
    item.release?.();
  });
  // the block ends at a blank line, so mailparser reads it as a whole header with an empty body
  await feedParser(parser, Buffer.concat([header, Buffer.from("\r\n\r\n")]), () => {});
  return { parser, headerLines };
}
