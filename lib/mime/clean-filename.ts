// Attachment names come from the sender and end up in a Content-Disposition header and on the
// user's disk, so they are reduced to a plain, bounded file name. Bidi controls go too: with them
// "invoice\u202Efdp.exe" displays as "invoiceexe.pdf".

/** Longest name kept, in characters: below common file-system limits (255 bytes) even in UTF-8. */
const MAX_FILENAME_LENGTH = 120;

const EXTENSIONS: Record<string, string> = {
  "application/pdf": "pdf",
  "application/zip": "zip",
  "application/json": "json",
  "application/ics": "ics",
  "text/calendar": "ics",
  "text/plain": "txt",
  "text/html": "html",
  "text/csv": "csv",
  "message/rfc822": "eml",
  "message/delivery-status": "txt",
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/gif": "gif",
  "image/webp": "webp",
  "image/svg+xml": "svg",
};

/** A safe file name for a part: the sender's name without path, control or reserved characters,
 * or `part-<partId>.<ext>` when nothing usable is left. */
export function cleanFilename(filename: string | undefined, contentType: string, partId: string): string {
  const base = (filename ?? "").split(/[\\/]/).pop() ?? "";
  const cleaned = base
    .replace(/[\u0000-\u001f\u007f-\u009f<>:"|?*\u202a-\u202e\u2066-\u2069]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^\.+/, "");
  if (cleaned) return truncateKeepingExtension(cleaned);
  const extension = EXTENSIONS[contentType] ?? "bin";
  return `part-${partId}.${extension}`;
}

function truncateKeepingExtension(name: string): string {
  const chars = Array.from(name);
  if (chars.length <= MAX_FILENAME_LENGTH) return name;
  const dot = name.lastIndexOf(".");
  const extension = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : "";
  const keep = MAX_FILENAME_LENGTH - Array.from(extension).length;
  return chars.slice(0, keep).join("").trimEnd() + extension;
}
