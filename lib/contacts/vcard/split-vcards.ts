import { decodeText } from "@/lib/mime/decode-text";
import { vcardSaid, type VcardSaid } from "./vcard-problems";

/** One content line of a vCard after unfolding, with the file line it starts on (1-based). */
export type VcardLine = { line: number; text: string };
/** One BEGIN:VCARD ... END:VCARD entry of a file: its position (1-based) and its lines. */
export type VcardEntry = { index: number; line: number; lines: VcardLine[] };
/** Something wrong in a file, named by entry and line so the user can find it. */
export type VcardProblem = { entry?: number; name?: string; line: number; error?: { code: string; message: string; detail?: unknown } } & VcardSaid;

const isQuotedPrintable = (head: string) => /(?:^|;)(?:ENCODING=)?QUOTED-PRINTABLE(?:;|$)/i.test(head);
/** vCard 2.1 parameters written without a name ("TEL;CELL;VOICE", "PHOTO;JPEG;BASE64"). */
const BARE_ENCODINGS = new Set(["QUOTED-PRINTABLE", "BASE64", "8BIT", "7BIT", "B"]);

/** The line split at its first ":" outside double quotes: name and parameters, then value. */
export function splitContentLine(text: string): { head: string; value: string } | null {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '"') quoted = !quoted;
    else if (text[i] === ":" && !quoted) return { head: text.slice(0, i), value: text.slice(i + 1) };
  }
  return null;
}

function splitParams(head: string): string[] {
  const out: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i <= head.length; i++) {
    if (head[i] === '"') quoted = !quoted;
    else if (i === head.length || (head[i] === ";" && !quoted)) {
      out.push(head.slice(start, i));
      start = i + 1;
    }
  }
  return out;
}

function decodeQuotedPrintable(value: string, charset: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const hex = value[i] === "=" ? value.slice(i + 1, i + 3) : "";
    if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(value[i], "utf8"));
  }
  return decodeText(Buffer.from(bytes), charset);
}

/** Decoded 2.1 text escaped for 3.0: a comma is part of the text there (2.1 never escapes one),
 * a semicolon still separates the parts of N or ADR. */
const escapeText = (s: string) => s.replace(/\\/g, "\\\\").replace(/,/g, "\\,").replace(/\r\n|\r|\n/g, "\\n");

/**
 * vCard 2.1 habits rewritten in the 3.0 syntax ical.js reads: bare parameters get their names
 * (TYPE= or ENCODING=), and a quoted-printable value is decoded (in its CHARSET) and escaped as
 * vCard text, so "M=C3=BCller" arrives as "Müller". Other lines are left as they are.
 */
export function normalizeLine(text: string): string {
  const parts = splitContentLine(text);
  if (!parts) return text;
  const [name, ...params] = splitParams(parts.head);
  let charset = "utf-8";
  let qp = false;
  const kept: string[] = [];
  for (const p of params) {
    const eq = p.indexOf("=");
    const key = eq < 0 ? (BARE_ENCODINGS.has(p.toUpperCase()) ? "ENCODING" : "TYPE") : p.slice(0, eq).toUpperCase();
    const value = eq < 0 ? p : p.slice(eq + 1);
    if (key === "ENCODING" && value.toUpperCase() === "QUOTED-PRINTABLE") qp = true;
    else if (key === "CHARSET") charset = value.replace(/"/g, "");
    else kept.push(`${key}=${value}`);
  }
  const value = qp ? escapeText(decodeQuotedPrintable(parts.value, charset)) : parts.value;
  return [name, ...kept].join(";") + ":" + value;
}

/**
 * A .vcf file cut into its entries, lines unfolded (RFC 6350 3.2: a line starting with a space or
 * tab continues the one before; vCard 2.1 quoted-printable also continues a line ending in "=").
 * Lines outside any entry are reported and skipped; an entry the file ends inside is kept (its
 * END is implied) and reported.
 */
export function splitVcards(text: string): { entries: VcardEntry[]; problems: VcardProblem[] } {
  const physical = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  const logical: VcardLine[] = [];
  for (let i = 0; i < physical.length; i++) {
    const raw = physical[i];
    const last = logical[logical.length - 1];
    if (last && /^[ \t]/.test(raw)) last.text += raw.slice(1);
    else if (last && last.text.endsWith("=") && isQuotedPrintable(splitContentLine(last.text)?.head ?? "")) last.text = last.text.slice(0, -1) + raw;
    else if (raw.trim()) logical.push({ line: i + 1, text: raw });
  }
  const entries: VcardEntry[] = [];
  const problems: VcardProblem[] = [];
  let current: VcardEntry | null = null;
  for (const l of logical) {
    if (/^BEGIN:VCARD\s*$/i.test(l.text)) {
      if (current) problems.push({ entry: current.index, line: l.line, ...vcardSaid("beginInside") });
      current = { index: entries.length + 1, line: l.line, lines: [] };
      entries.push(current);
    } else if (/^END:VCARD\s*$/i.test(l.text)) {
      if (!current) problems.push({ line: l.line, ...vcardSaid("endWithoutBegin") });
      current = null;
    } else if (current) current.lines.push({ line: l.line, text: normalizeLine(l.text) });
    else problems.push({ line: l.line, ...vcardSaid("textOutside") });
  }
  if (current) problems.push({ entry: current.index, line: current.line, ...vcardSaid("noEnd") });
  return { entries, problems };
}
