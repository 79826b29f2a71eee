/** Path arithmetic on IMAP folder paths, using the server's hierarchy delimiter (null: flat server). */

export function joinFolderPath(parent: string | null | undefined, name: string, delimiter: string | null): string {
  return parent && delimiter ? `${parent}${delimiter}${name}` : name;
}

/** The parent's path, or "" for a top-level folder. */
export function parentPathOf(path: string, delimiter: string | null): string {
  if (!delimiter) return "";
  const i = path.lastIndexOf(delimiter);
  return i === -1 ? "" : path.slice(0, i);
}

/** The last level of the path, as the user named it. */
export function leafNameOf(path: string, delimiter: string | null): string {
  return delimiter ? path.slice(path.lastIndexOf(delimiter) + 1) : path;
}

/** True for `ancestor` itself and every folder below it. INBOX is case-insensitive (RFC 3501). */
export function isSameOrInside(path: string, ancestor: string, delimiter: string | null): boolean {
  const p = normalizeInbox(path, delimiter);
  const a = normalizeInbox(ancestor, delimiter);
  return p === a || Boolean(delimiter && p.startsWith(a + delimiter));
}

/** Whether two paths name the same folder. */
export function samePath(a: string, b: string, delimiter: string | null): boolean {
  return normalizeInbox(a, delimiter) === normalizeInbox(b, delimiter);
}

function normalizeInbox(path: string, delimiter: string | null): string {
  const first = delimiter ? path.split(delimiter, 1)[0] : path;
  return first.toUpperCase() === "INBOX" ? "INBOX" + path.slice(first.length) : path;
}
