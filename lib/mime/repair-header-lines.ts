import iconv from "iconv-lite";
import { chooseCharset, isValidUtf8 } from "@/lib/mime/decode-text";

// mailparser reads header lines as bytes in a "binary" (latin1) string and decodes them as UTF-8,
// so raw 8-bit bytes in any other charset turn into U+FFFD, and libmime refuses UTF-7 encoded
// words (a filter bypass for HTML bodies, harmless in a header that is only ever shown as text).
// These repairs run on the lines before mailparser sees them and hand it only what it decodes
// right: encoded words it can read, and UTF-8.

type HeaderLine = { key: string; line: string };

const ENCODED_WORD = /=\?([^?\s]+)\?([QqBb])\?([^?]*)\?=/g;
// adjacent UTF-7 words, whitespace between them included (RFC 2047 6.2: it is not displayed)
const UTF7_WORDS = /=\?(?:unicode-1-1-)?utf-7(?:\*[^?]*)?\?[QqBb]\?[^?]*\?=(?:\s*=\?(?:unicode-1-1-)?utf-7(?:\*[^?]*)?\?[QqBb]\?[^?]*\?=)*/gi;
const EIGHT_BIT = /[\x80-\xff]/;

/**
 * Returns header lines (key, and the raw line as a binary string) that mailparser decodes
 * correctly: UTF-7 encoded words re-encoded as UTF-8 ones, raw bytes inside Q encoded words
 * escaped (so they are read in the word's own charset), and raw 8-bit bytes elsewhere transcoded
 * to UTF-8 from the charset they are in (UTF-8 first, then `hint` (a charset the same header
 * block declares), then detection over all such lines of the block together, for more text).
 */
export function repairHeaderLines<T extends HeaderLine>(lines: T[], hint?: string | false | null): T[] {
  const repaired = lines.map((header) => (needsWordRepair(header.line) ? { ...header, line: repairEncodedWords(header.line) } : header));
  const broken = new Set<number>();
  repaired.forEach((header, i) => {
    if (EIGHT_BIT.test(header.line) && !isValidUtf8(Buffer.from(header.line, "latin1"))) broken.add(i);
  });
  if (broken.size === 0) return repaired;
  const sample = Buffer.from([...broken].map((i) => repaired[i].line).join("\n"), "latin1");
  const charset = chooseCharset(sample, null, hint);
  return repaired.map((header, i) => {
    if (!broken.has(i)) return header;
    const text = iconv.decode(Buffer.from(header.line, "latin1"), charset);
    return { ...header, line: Buffer.from(text, "utf8").toString("latin1") };
  });
}

function needsWordRepair(line: string): boolean {
  return line.includes("=?") && (EIGHT_BIT.test(line) || /utf-7/i.test(line));
}

function repairEncodedWords(line: string): string {
  return line
    .replace(UTF7_WORDS, (run) => {
      const bytes: Buffer[] = [];
      for (const [, , encoding, text] of run.matchAll(ENCODED_WORD)) bytes.push(decodeWordBytes(encoding, text));
      const text = iconv.decode(Buffer.concat(bytes), "utf-7");
      return `=?utf-8?B?${Buffer.from(text, "utf8").toString("base64")}?=`;
    })
    .replace(ENCODED_WORD, (word, charset: string, encoding: string, text: string) => {
      if (!EIGHT_BIT.test(text) || encoding.toUpperCase() !== "Q") return word;
      const escaped = text.replace(/[\x80-\xff]/g, (c) => `=${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
      return `=?${charset}?${encoding}?${escaped}?=`;
    });
}

function decodeWordBytes(encoding: string, text: string): Buffer {
  if (encoding.toUpperCase() === "B") return Buffer.from(text, "base64");
  return Buffer.from(
    text.replace(/_/g, " ").replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    "latin1",
  );
}
