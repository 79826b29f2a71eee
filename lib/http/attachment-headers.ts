import { contentDisposition } from "@/lib/http/content-disposition";
import { sniffImageType } from "@/lib/mime/safe-image";

/**
 * Response headers of an attachment, decided by its first bytes: a PNG, JPEG, GIF or WebP file
 * (by magic bytes, whatever type the sender declared) is served inline as that type, so Postern
 * can show it as a preview; anything else is a download, text as octet-stream. Either way the
 * browser may not sniff, and the response is a sandbox should it ever be opened as a document.
 */
export function attachmentHeaders(opts: { head: Buffer; declaredType: string; filename: string }): Record<string, string> {
  const image = sniffImageType(opts.head);
  const type = image ?? (opts.declaredType.toLowerCase().startsWith("text/") ? "application/octet-stream" : opts.declaredType);
  return {
    "Content-Type": type,
    "Content-Disposition": contentDisposition(image ? "inline" : "attachment", opts.filename),
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "sandbox; default-src 'none'",
    "Cache-Control": "private, no-store",
  };
}
