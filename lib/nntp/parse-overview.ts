import { decodeText } from "@/lib/mime/decode-text";
import { decodeWords } from "@/lib/threads/decode-words";
import { readMessageIds } from "@/lib/threads/read-thread-headers";

/** One article's overview (RFC 3977 8.3), decoded for display and threading. */
export type OverviewRow = {
  number: number;
  subject: string;
  from: string;
  /** ms since the epoch, or null when missing or unreadable */
  date: number | null;
  messageId: string | null;
  references: string[];
  bytes: number;
  lines: number;
  /** Where else this article is (from Xref: "group:number"), this group included. */
  xref: { group: string; number: number }[];
};

/** Names of the extra overview fields after the 7 fixed ones, lower case without ":" and "full"
 * (from LIST OVERVIEW.FMT); Xref is the one Postern uses. */
export type OverviewFormat = string[];

/** Parses LIST OVERVIEW.FMT lines into the names of the fields after the fixed seven. */
export function parseOverviewFormat(lines: readonly string[]): OverviewFormat {
  return lines.slice(7).map((l) => l.trim().replace(/:full$/i, "").replace(/:/g, "").toLowerCase());
}

/** Servers that do not answer LIST OVERVIEW.FMT almost always send Xref as the 8th field. */
export const DEFAULT_OVERVIEW_FORMAT: OverviewFormat = ["xref"];

function text(bytes: Buffer): string {
  // RFC 3977 8.3: CR, LF and TAB in a field were replaced by spaces; headers may be raw 8-bit
  return decodeText(bytes).replace(/[\x00-\x1f\x7f]/g, " ").trim();
}

function readXref(value: string): OverviewRow["xref"] {
  // "Xref: host group:n group:n" (with the name when the format says "full")
  const parts = value.replace(/^xref:\s*/i, "").trim().split(/\s+/).slice(1);
  return parts.flatMap((p) => {
    const colon = p.lastIndexOf(":");
    const n = Number(p.slice(colon + 1));
    return colon > 0 && Number.isSafeInteger(n) && n > 0 ? [{ group: p.slice(0, colon), number: n }] : [];
  });
}

/** Parses one OVER line (tab-separated). @returns null for a line that is not an overview line */
export function parseOverviewLine(line: Buffer, format: OverviewFormat = DEFAULT_OVERVIEW_FORMAT): OverviewRow | null {
  const fields: Buffer[] = [];
  let start = 0;
  for (let tab = line.indexOf(0x09); tab >= 0; tab = line.indexOf(0x09, start)) {
    fields.push(line.subarray(start, tab));
    start = tab + 1;
  }
  fields.push(line.subarray(start));
  const number = Number(fields[0]?.toString("latin1"));
  if (!Number.isSafeInteger(number) || number < 1 || fields.length < 6) return null;
  const [, subject, from, date, messageId, references, bytes, lines] = fields.map((f) => (f ? text(f) : ""));
  const parsedDate = date ? Date.parse(date) : NaN;
  const xrefAt = format.indexOf("xref");
  return {
    number,
    subject: decodeWords(subject ?? ""),
    from: decodeWords(from ?? ""),
    date: Number.isFinite(parsedDate) ? parsedDate : null,
    messageId: readMessageIds(messageId)[0] ?? null,
    references: readMessageIds(references),
    bytes: Math.max(0, Number(bytes) || 0),
    lines: Math.max(0, Number(lines) || 0),
    xref: xrefAt >= 0 && fields[8 + xrefAt] ? readXref(text(fields[8 + xrefAt])) : [],
  };
}
