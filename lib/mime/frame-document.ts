// The document that shows a sanitized message in
// <iframe sandbox="allow-popups allow-popups-to-escape-sandbox" srcdoc=...>: no scripts, an opaque
// origin, and a CSP of its own as a second wall should anything slip past the sanitizer.

const DEFAULT_STYLES = `
html { color-scheme: light; }
body { margin: 0; padding: 12px 16px; background: #fff; color: #1f2328;
  font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  overflow-wrap: anywhere; word-wrap: break-word; }
img { max-width: 100%; height: auto; }
img[data-postern-blocked] { display: inline-block; min-width: 12px; min-height: 12px; outline: 1px dashed #c4c8cc; }
pre { white-space: pre-wrap; }
blockquote { margin: 0 0 0 0.8ex; padding-left: 1ex; border-left: 2px solid #d0d7de; }
table { border-collapse: collapse; }
`;

/**
 * Wraps sanitized HTML (from sanitizeEmailHtml, never raw mail HTML) into a full document for the
 * frame's srcdoc. Images may come only from data: URLs unless remote content is allowed; nothing
 * else may load at all, and no referrer leaks when it does.
 */
export function buildFrameDocument(safeHtml: string, opts: { allowRemoteContent: boolean }): string {
  const imageSources = opts.allowRemoteContent ? "data: https: http:" : "data:";
  const csp = [
    "default-src 'none'",
    `img-src ${imageSources}`,
    "style-src 'unsafe-inline'",
    "form-action 'none'",
    "base-uri 'none'",
  ].join("; ");
  return [
    "<!DOCTYPE html>",
    '<html><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="referrer" content="no-referrer">',
    // links that escape the sanitizer's target="_blank" still must not navigate the frame itself
    '<base target="_blank">',
    `<style>${DEFAULT_STYLES}</style>`,
    "</head><body>",
    safeHtml,
    "</body></html>",
  ].join("\n");
}
