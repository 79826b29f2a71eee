import chardet from "chardet";
import iconv from "iconv-lite";

// Mail in the wild often declares no charset, or the wrong one (an old client that labels
// everything iso-8859-1, a list server that adds "us-ascii" to 8-bit text). The order of trust:
// bytes that are valid UTF-8 are UTF-8 (legacy 8-bit text is almost never valid UTF-8 by
// accident), then a declared charset that fits, then chardet's guess when it is confident, then
// windows-1252 (the commonest undeclared charset, and a superset of iso-8859-1 for display).

/** chardet's confidence (0-100) under which its guess is ignored: on a few words of Latin text it
 * guesses Shift_JIS or Big5 at 10-40, and real detections of longer text score 50 and more. */
const MIN_DETECTION_CONFIDENCE = 50;
/** How far a guess must beat windows-1252's own score to be taken over it: on a short Latin text
 * chardet scores Central European windows-1250 a little higher ("crème" read as "crčme"), and
 * windows-1252 is far the commoner of the two in undeclared mail. */
const FALLBACK_PREFERENCE = 20;
export const FALLBACK_CHARSET = "windows-1252";

// Labels iconv-lite lacks, or for which a superset decodes the same text better (WHATWG's choice).
const ALIASES: Record<string, string> = {
  "iso-8859-1": "windows-1252",
  latin1: "windows-1252",
  "ks_c_5601-1987": "cp949",
  "euc-kr": "cp949",
  gb2312: "gb18030",
  gbk: "gb18030",
  "x-gbk": "gb18030",
  "iso-8859-8-i": "iso-8859-8",
  "x-mac-roman": "macintosh",
  "unicode-1-1-utf-7": "utf-7",
  "x-unicode20utf8": "utf-8",
  utf8: "utf-8",
};

/** Labels that say nothing about 8-bit bytes: us-ascii on 8-bit text is always a wrong label. */
const UNINFORMATIVE = new Set(["us-ascii", "ascii", "ansi_x3.4-1968", "x-unknown", "unknown-8bit", "x-user-defined", "default"]);

/** Charsets whose text is not ASCII-compatible: their bytes mean nothing to the UTF-8 check. */
const NOT_ASCII_COMPATIBLE = /^(?:utf-?7(?:-imap)?|utf-?16(?:le|be)?|utf-?32(?:le|be)?|ucs-?2)$/;

/** A declared charset label as a name iconv-lite decodes, or null when it knows no such charset. */
export function resolveCharset(label: string | false | null | undefined): string | null {
  const name = (label || "").trim().toLowerCase().replace(/^["']|["']$/g, "");
  if (!name || UNINFORMATIVE.has(name)) return null;
  const resolved = ALIASES[name] ?? name;
  return iconv.encodingExists(resolved) ? resolved : null;
}

export function hasEightBit(bytes: Uint8Array): boolean {
  for (const byte of bytes) if (byte >= 0x80) return true;
  return false;
}

export function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The charset of 8-bit bytes that are not UTF-8: chardet's guess when it is confident, else
 * windows-1252. Never returns UTF-8 or ASCII. */
export function detectLegacyCharset(bytes: Uint8Array): string {
  const guesses = chardet.analyse(bytes);
  const fallbackScore = guesses.find((g) => resolveCharset(g.name) === FALLBACK_CHARSET)?.confidence ?? 0;
  for (const guess of guesses) {
    if (guess.confidence < MIN_DETECTION_CONFIDENCE || guess.confidence - fallbackScore < FALLBACK_PREFERENCE) break;
    const charset = resolveCharset(guess.name);
    if (charset && charset !== "utf-8" && !NOT_ASCII_COMPATIBLE.test(charset)) return charset;
  }
  return FALLBACK_CHARSET;
}

/**
 * The charset to decode text bytes with, given what the message declared (maybe nothing, maybe
 * wrong). `hint` is a charset declared elsewhere in the message, tried before detection.
 */
export function chooseCharset(bytes: Uint8Array, declared?: string | false | null, hint?: string | false | null): string {
  const charset = resolveCharset(declared);
  if (charset && NOT_ASCII_COMPATIBLE.test(charset)) return charset;
  if (!hasEightBit(bytes)) return charset ?? "utf-8";
  if (isValidUtf8(bytes)) return "utf-8";
  if (charset === "utf-8") return mostlyUtf8(bytes) ? "utf-8" : detectLegacyCharset(bytes);
  if (charset) return charset;
  const hinted = resolveCharset(hint);
  if (hinted && hinted !== "utf-8" && !NOT_ASCII_COMPATIBLE.test(hinted)) return hinted;
  return detectLegacyCharset(bytes);
}

/** Text bytes as a string, with the charset chooseCharset picks. */
export function decodeText(bytes: Uint8Array, declared?: string | false | null, hint?: string | false | null): string {
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), chooseCharset(bytes, declared, hint));
}

/** UTF-8 with a few broken bytes (a message cut mid-character, one pasted Latin-1 word) is still
 * UTF-8: decoding all of it as windows-1252 would garble every other non-ASCII character. */
function mostlyUtf8(bytes: Uint8Array): boolean {
  let valid = 0;
  let invalid = 0;
  for (let i = 0; i < bytes.length; ) {
    const lead = bytes[i];
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 1) {
      i++;
      continue;
    }
    let ok = length > 0 && i + length <= bytes.length;
    for (let k = 1; ok && k < length; k++) ok = (bytes[i + k] & 0xc0) === 0x80;
    if (ok) {
      valid++;
      i += length;
    } else {
      invalid++;
      i++;
    }
  }
  return valid > invalid;
}
