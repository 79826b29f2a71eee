import crypto from "node:crypto";

/** Where the message frame loads a remote image from once the reader allowed images. */
export const IMAGE_PROXY_PATH = "/api/image-proxy";

function signature(url: string, key: Buffer): Buffer {
  return crypto.createHmac("sha256", key).update(url, "utf8").digest();
}

/**
 * The proxy address of a remote image: the URL and an HMAC of it, so the proxy fetches only URLs
 * that Postern itself put into a sanitized message (not whatever a page or link asks for).
 * `key` is deriveKey("image-proxy").
 */
export function proxiedImageUrl(url: string, key: Buffer): string {
  const query = new URLSearchParams({ u: url, s: signature(url, key).toString("base64url") });
  return `${IMAGE_PROXY_PATH}?${query}`;
}

/** Whether `sig` is Postern's signature of `url` (constant-time). */
export function verifyImageUrl(url: string, sig: string, key: Buffer): boolean {
  // compared as text, so a second spelling of the same bytes is no signature either
  const expected = Buffer.from(signature(url, key).toString("base64url"));
  const given = Buffer.from(sig);
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}
