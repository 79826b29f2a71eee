import crypto from "node:crypto";
import sanitizeHtml from "sanitize-html";
import { PosternError } from "@/lib/http/errors";
import { isSafeImageType, sniffImageType } from "@/lib/mime/safe-image";
import type { InlineImage } from "@/lib/mime/types";

// Images in a rich-text body. In the editor a pasted or inserted image is a data: URL (it lives
// in the HTML, so autosave and the tab's unsaved copy keep it); in the message it is an inline
// part with a Content-ID that the HTML references as cid: (multipart/related, RFC 2392).

/** An image part of the message, referenced from the HTML as `cid:${cid}`. */
export type InlinePart = { cid: string; filename: string; contentType: string; content: Buffer };

const DATA_URL = /^data:([\w.+-]+\/[\w.+-]+)(?:;[\w-]+=[^;,]*)*;base64,([a-z0-9+/=\s]*)$/i;

const EXTENSIONS: Record<string, string> = { "image/png": "png", "image/jpeg": "jpg", "image/gif": "gif", "image/webp": "webp" };

function decodeDataUrl(src: string): { contentType: string; content: Buffer } | null {
  const m = DATA_URL.exec(src.trim());
  if (!m) return null;
  const content = Buffer.from(m[2].replace(/\s+/g, ""), "base64");
  // The bytes decide, not the label: only raster types that every mail client shows safely.
  const sniffed = sniffImageType(content);
  if (!sniffed || !isSafeImageType(m[1]) || sniffed !== m[1].toLowerCase()) return null;
  return { contentType: sniffed, content };
}

/**
 * Turns the body's data: images into inline parts: each src becomes `cid:…`, the same image used
 * twice is one part. Images that are not a safe raster type (or not data: at all, e.g. remote
 * ones) keep their src, which the outgoing sanitizer then removes. Everything else in the HTML
 * is left for that sanitizer.
 * @param maxBytes decoded image bytes allowed in all
 * @throws PosternError MESSAGE_TOO_LARGE
 */
export function extractInlineImages(html: string, maxBytes: number): { html: string; parts: InlinePart[] } {
  const parts: InlinePart[] = [];
  const bySource = new Map<string, string>();
  let total = 0;
  const out = sanitizeHtml(html, {
    allowedTags: false,
    allowedAttributes: false,
    allowVulnerableTags: true,
    // Only a rewriting pass: the outgoing sanitizer after it decides which URLs stay.
    allowedSchemesAppliedToAttributes: [],
    transformTags: {
      img: (tagName, attribs) => {
        const src = attribs.src ?? "";
        if (!src.startsWith("data:")) return { tagName, attribs };
        let cid = bySource.get(src);
        if (!cid) {
          const image = decodeDataUrl(src);
          if (!image) return { tagName, attribs: { ...attribs, src: "" } };
          total += image.content.length;
          if (total > maxBytes) throw new PosternError("MESSAGE_TOO_LARGE", "The images in the message are larger than the largest message you can send. Remove some of them.");
          cid = `${crypto.randomUUID()}@postern`;
          bySource.set(src, cid);
          parts.push({ cid, filename: `image-${parts.length + 1}.${EXTENSIONS[image.contentType]}`, ...image });
        }
        return { tagName, attribs: { ...attribs, src: `cid:${cid}` } };
      },
    },
  });
  return { html: out, parts };
}

/** The other way, for a rich draft back in the composer: `cid:` references to the message's
 * inline images become data: URLs the editor can show. Unknown ones are left as they are.
 * `html` must be sanitized already (only cid: images survive that). */
export function embedInlineImages(html: string, images: Record<string, InlineImage>): string {
  return html.replace(/(<img\b[^>]*?\ssrc=")cid:([^"]+)"/gi, (whole, start: string, cid: string) => {
    const image = images[decodeEntities(cid)];
    return image ? `${start}data:${image.contentType};base64,${image.data.toString("base64")}"` : whole;
  });
}

function decodeEntities(s: string): string {
  return s.replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"');
}

/** Content-IDs the HTML refers to (cid:…), so that a draft's inline images are not also listed
 * as files when it is reopened. */
export function referencedContentIds(html: string): Set<string> {
  return new Set([...html.matchAll(/\bcid:([^"'\s)>]+)/gi)].map((m) => decodeEntities(m[1])));
}
