import { decodeText } from "@/lib/mime/decode-text";

// =?charset?B|Q?text?= (RFC 2047), with an optional RFC 2231 language ("=?utf-8*de?Q?...?=").
const ENCODED_WORD = /=\?([^?\s*]+)(?:\*[^?\s]*)?\?([bq])\?([^?\s]*)\?=/gi;
// Whitespace between two encoded words is not part of the text (RFC 2047 section 6.2).
const BETWEEN_WORDS = /(\?=)\s+(?==\?[^?\s]+\?[bq]\?)/gi;

function wordBytes(encoding: string, text: string): Buffer {
  if (encoding.toLowerCase() === "b") return Buffer.from(text, "base64");
  const bytes = text.replace(/_/g, " ").replace(/=([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, "latin1");
}

/**
 * A header value with its encoded words decoded, for comparing subjects while threading: the
 * same subject may be sent as Q by one client and B by another. Unknown charsets fall back to the
 * detection decodeText does, so a damaged word still compares equal to itself.
 */
export function decodeWords(value: string): string {
  if (!value.includes("=?")) return value;
  return value
    .replace(BETWEEN_WORDS, "$1")
    .replace(ENCODED_WORD, (_, charset: string, encoding: string, text: string) => decodeText(wordBytes(encoding, text), charset));
}
