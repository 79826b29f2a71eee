import type { HeaderLines, MailParser } from "mailparser";
import { convertAddresses } from "@/lib/mime/convert-addresses";
import { PROBLEMS } from "@/lib/mime/problems";
import { readDate } from "@/lib/mime/read-date";
import type { ParsedMessage } from "@/lib/mime/types";

export type HeaderFields = Pick<ParsedMessage, "subject" | "from" | "to" | "cc" | "replyTo" | "date" | "messageId">;

export function noHeaderFields(): HeaderFields {
  return { subject: "", from: [], to: [], cc: [], replyTo: [], date: null, messageId: null };
}

/** A header line that really is a field: a printable-ASCII name without a colon (RFC 5322 2.2).
 * mailparser also reports lines it could not split, with an empty or binary name. */
export function isHeaderField(line: { key: string }): boolean {
  return /^[\x21-\x39\x3b-\x7e]+$/.test(line.key);
}

/** The top-level header fields a parser read, plus a note when the Date header is unreadable. */
export function readHeaderFields(parser: MailParser, headerLines: HeaderLines): { fields: HeaderFields; problems: string[] } {
  const date = readDate(headerLines);
  return {
    fields: {
      subject: parser.subject ?? "",
      from: convertAddresses(parser.from),
      to: convertAddresses(parser.to),
      cc: convertAddresses(parser.cc),
      replyTo: convertAddresses(parser.replyTo),
      date: date ?? null,
      messageId: parser.messageId || null,
    },
    problems: date === null ? [PROBLEMS.unreadableDate] : [],
  };
}
