import type { MailParser } from "mailparser";
import { repairHeaderLines } from "@/lib/mime/repair-header-lines";

type HeaderLine = { key: string; line: string };
type ParserInternals = { processHeaders?: (lines: HeaderLine[]) => unknown };

/**
 * Makes a parser read every header block (the message's and each part's) through
 * repairHeaderLines, so 8-bit and UTF-7 headers decode right. The charset a block declares for
 * its own body is the first guess for its raw 8-bit bytes. Without the internals this does
 * nothing; the charset tests cover it.
 */
export function repairHeaders(parser: MailParser): void {
  const internals = parser as unknown as ParserInternals;
  const processHeaders = internals.processHeaders;
  if (typeof processHeaders !== "function") return;
  internals.processHeaders = function (this: unknown, lines: HeaderLine[]) {
    let repaired = lines;
    try {
      repaired = repairHeaderLines(lines ?? [], declaredCharset(lines ?? []));
    } catch {
      // a repair that fails leaves the lines as mailparser would have read them
    }
    return processHeaders.call(this, repaired);
  };
}

function declaredCharset(lines: HeaderLine[]): string | null {
  const contentType = lines.find((header) => header.key === "content-type")?.line ?? "";
  return /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType)?.[1] ?? null;
}
