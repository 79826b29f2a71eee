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
  const date = new Date(value);
  return value && !Number.isNaN(date.getTime()) ? date.toISOString() : null;
}
