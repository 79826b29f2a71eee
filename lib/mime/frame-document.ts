// The document that shows a sanitized message in
// <iframe sandbox="allow-popups allow-popups-to-escape-sandbox">: no scripts, an opaque origin,
// and a CSP of its own as a second wall should anything slip past the sanitizer (the route that
// serves it, app/api/messages/html, sends the same policy as a header, with frame-ancestors and
// sandbox, which a meta tag cannot carry). Suspicious links are marked: the frame has no
// scripts, so their real target is shown by this stylesheet on hover and keyboard focus.

import { adaptColorsForDark, DARK_BODY } from "./dark-colors";

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
a[data-postern-suspicious] { outline: 2px solid #cf222e !important; outline-offset: 1px !important;
  background-color: #ffebe9 !important; color: #82071e !important; visibility: visible !important; }
a[data-postern-suspicious]::before { content: "\\26A0\\FE0F\\00A0"; }
a[data-postern-suspicious]:hover::after, a[data-postern-suspicious]:focus::after {
  content: " \\2192  " attr(data-postern-target); font: 12px/1.4 ui-monospace, SFMono-Regular, Menlo, monospace;
  color: #82071e; background: #fff; overflow-wrap: anywhere; }
`;

/**
 * Wraps sanitized HTML (from sanitizeEmailHtml, never raw mail HTML) into a full document for the
 * message frame. Images may come only from data: URLs unless remote content is allowed; nothing
 * else may load at all, and no referrer leaks when it does.
 */
export function buildFrameDocument(safeHtml: string, opts: FramePolicyOptions & { scheme?: FrameScheme }): string {
  const csp = frameContentPolicy(opts).join("; ");
  const dark = opts.scheme && opts.scheme !== "light" ? darkStyles(safeHtml, opts.scheme) : null;
  return [
    "<!DOCTYPE html>",
    '<html><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="referrer" content="no-referrer">',
    // links that escape the sanitizer's target="_blank" still must not navigate the frame itself
    '<base target="_blank">',
    `<style>${DEFAULT_STYLES}${dark?.css ?? ""}</style>`,
    "</head><body>",
    dark?.html ?? safeHtml,
    "</body></html>",
  ].join("\n");
}

/** The reader's colour scheme: "system" adapts the body's colours only when the device is dark
 * (a media query in the frame), "dark" always, "light" never (also "show original colours"). */
export type FrameScheme = "system" | "light" | "dark";

const DARK_DEFAULTS = `html { color-scheme: dark; }
body { background: ${DARK_BODY.background}; color: ${DARK_BODY.text}; }
a:link, a:visited { color: ${DARK_BODY.link}; }
blockquote { border-left-color: #3a424c; }`;

/** The dark-mode stylesheet of a body and its HTML with the colour variables it uses. */
function darkStyles(safeHtml: string, scheme: "system" | "dark"): { css: string; html: string } {
  const adapted = adaptColorsForDark(safeHtml);
  const rules = `${DARK_DEFAULTS}\n:root { ${adapted.variables.join("; ")} }`;
  return { html: adapted.html, css: scheme === "dark" ? `\n${rules}\n` : `\n@media (prefers-color-scheme: dark) {\n${rules}\n}\n` };
}

export type FramePolicyOptions = {
  allowRemoteContent: boolean;
  /** The image proxy's absolute URL (https://mail.example/api/image-proxy) when remote images go
   * through it: then that one path is the only remote source, and the browser itself can reach no
   * other host even if a URL escaped the rewriting. */
  imageProxyUrl?: string;
};

/** The message frame's CSP directives: nothing but images (data: ones, and once the reader allowed
 * remote content, the image proxy or else any http(s)) and inline styles; no forms, no base URL. */
export function frameContentPolicy(opts: FramePolicyOptions): string[] {
  const remote = opts.imageProxyUrl ? ` ${opts.imageProxyUrl}` : " https: http:";
  return [
    "default-src 'none'",
    `img-src data:${opts.allowRemoteContent ? remote : ""}`,
    "style-src 'unsafe-inline'",
    "form-action 'none'",
    "base-uri 'none'",
  ];
}
