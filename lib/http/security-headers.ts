// Postern's security header values, in one place so pages, the message frame and the tests agree.
import { frameContentPolicy, type FramePolicyOptions } from "@/lib/mime/frame-document";

/**
 * The CSP of Postern's own pages. Scripts run only with this response's nonce ('strict-dynamic'
 * lets those load Next's chunks); no inline event handlers, no eval outside development. Mail is
 * never part of these pages: its HTML is in a frame served with a policy of its own
 * (frameHeaders), so images here come only from Postern itself.
 */
export function pageContentPolicy(nonce: string, opts: { dev: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ""}`,
    // React renders style={...} as style attributes, which a nonce cannot cover; style
    // elements need the nonce (development injects unsigned ones for hot reloading).
    opts.dev ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    // data: for the images pasted into the rich-text composer (they live in its HTML as data: URLs).
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-src 'self'",
    "worker-src 'none'",
    "manifest-src 'self'",
    "media-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** A fresh, unguessable nonce (128 bits) for one response. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * Headers of the message frame document (app/api/messages/html): the frame's own CSP as a header,
 * plus what a meta tag cannot say: only Postern may frame it, and it is sandboxed (no scripts, an
 * opaque origin) even when opened on its own, outside Postern's iframe.
 */
export function frameHeaders(opts: FramePolicyOptions): Record<string, string> {
  return {
    "Content-Type": "text/html; charset=utf-8",
    "Content-Security-Policy": [
      ...frameContentPolicy(opts),
      "frame-ancestors 'self'",
      "sandbox allow-popups allow-popups-to-escape-sandbox",
    ].join("; "),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "SAMEORIGIN",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Cache-Control": "private, no-store",
  };
}
