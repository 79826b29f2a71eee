import { IMAGE_SNIFF_BYTES, isSafeImageType, sniffImageType } from "@/lib/mime/safe-image";
import type { ParsedMessage } from "@/lib/mime/types";

export type ImageUrlPolicy = {
  allowRemoteContent: boolean;
  inlineImages: ParsedMessage["inlineImages"];
  /** Where an allowed remote image is loaded from instead of its own URL (the image proxy, which
   * hides the reader's address): lib/image-proxy/sign-image-url.ts proxiedImageUrl. */
  proxyImage?: (url: string) => string;
};

/** What to do with an image reference (img src, background attribute, CSS url()). */
export type ImageUrlDecision =
  | { kind: "use"; url: string }
  /** A remote image the user has not allowed: removed, and counted so the app can offer to load it. */
  | { kind: "blocked" }
  /** Unusable or unsafe: removed silently. */
  | { kind: "drop" };

const DATA_IMAGE = /^data:(image\/(?:png|jpeg|gif|webp));base64,([a-z0-9+/=]*)$/i;

/**
 * Decides an image URL. A relative URL is always dropped: inside a srcdoc frame it would resolve
 * against Postern's own origin. `cid:` becomes a data: URL of the matching inline image when that
 * really is a safe raster image; data: URLs must be base64 raster images too.
 */
export function decideImageUrl(rawUrl: string, policy: ImageUrlPolicy): ImageUrlDecision {
  const url = normalizeUrl(rawUrl);
  if (/^cid:/i.test(url)) return inlineImageUrl(url.slice(4), policy.inlineImages);
  const data = DATA_IMAGE.exec(url);
  if (data) return dataImageUrl(data[1].toLowerCase(), data[2]);
  const remote = /^\/\//.test(url) ? `https:${url}` : url;
  if (!/^https?:\/\//i.test(remote)) return { kind: "drop" };
  const href = parseHref(remote);
  if (!href) return { kind: "drop" };
  if (!policy.allowRemoteContent) return { kind: "blocked" };
  return { kind: "use", url: policy.proxyImage ? policy.proxyImage(href) : href };
}

/** A link target the browser may open: absolute http(s), mailto: or tel:, otherwise null. */
export function safeLinkHref(rawHref: string): string | null {
  const url = normalizeUrl(rawHref);
  if (/^https?:\/\//i.test(url)) return parseHref(url);
  if (/^(mailto|tel):/i.test(url)) return url;
  return null;
}

/** Browsers drop tabs and line breaks anywhere in a URL and trim spaces and controls around it,
 * so "java\tscript:" is javascript:. Checks must see what the browser will see. */
function normalizeUrl(raw: string): string {
  return raw.replace(/[\t\n\r]/g, "").replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, "");
}

function parseHref(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}

/** A data: image whose bytes are the type it declares (an SVG or HTML labelled PNG is not), as for
 * cid: images and attachments (safe-image.ts). Only the head is decoded: that is what the magic
 * bytes need. */
function dataImageUrl(declared: string, base64: string): ImageUrlDecision {
  const head = Buffer.from(base64.slice(0, Math.ceil(IMAGE_SNIFF_BYTES / 3) * 4), "base64");
  if (sniffImageType(head) !== declared) return { kind: "drop" };
  return { kind: "use", url: `data:${declared};base64,${base64}` };
}

function inlineImageUrl(reference: string, images: ImageUrlPolicy["inlineImages"]): ImageUrlDecision {
  const id = safeDecode(reference).trim().replace(/^<|>$/g, "");
  const key = Object.hasOwn(images, id) ? id : Object.keys(images).find((k) => k.toLowerCase() === id.toLowerCase());
  const image = key === undefined ? undefined : images[key];
  if (!image || !isSafeImageType(image.contentType)) return { kind: "drop" };
  const actual = sniffImageType(image.data);
  if (actual !== image.contentType.trim().toLowerCase()) return { kind: "drop" };
  return { kind: "use", url: `data:${actual};base64,${image.data.toString("base64")}` };
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
