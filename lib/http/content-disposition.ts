/**
 * A Content-Disposition value that survives any file name: an ASCII fallback plus the UTF-8
 * name per RFC 6266 / RFC 5987, with quotes, control and path characters removed.
 */
export function contentDisposition(kind: "attachment" | "inline", filename: string): string {
  const clean = filename.replace(/[\u0000-\u001f\u007f"\\/]/g, "_").trim() || "download";
  const ascii = clean.replace(/[^\x20-\x7e]/g, "_");
  const encoded = encodeURIComponent(clean).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
