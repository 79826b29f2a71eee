type HeaderLine = { key: string; line: string };

/** The Date header as ISO 8601, read from the raw header line: mailparser substitutes the current
 * time for a date it cannot parse, which would show a broken message as "just now". Returns
 * undefined when there is no Date header and null when there is one but it is unreadable. */
export function readDate(headerLines: ReadonlyArray<HeaderLine>): string | null | undefined {
  const line = headerLines.find((header) => header.key === "date")?.line;
  if (line === undefined) return undefined;
  const value = line
    .slice(line.indexOf(":") + 1)
    .replace(/\r?\n[ \t]+/g, " ")
    .trim();
  return value ? isoDate(value) : null;
}

/** A date (Date, string or epoch milliseconds) as ISO 8601, or null when it is no date at all or
 * outside what ISO 8601 can say: `toISOString` throws a RangeError there, and dates come from
 * whoever sent the message. */
export function isoDate(value: unknown): string | null {
  if (!(value instanceof Date) && typeof value !== "string" && typeof value !== "number") return null;
  if (value === "") return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
