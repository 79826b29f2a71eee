import crypto from "node:crypto";

/** Where the message frame loads a remote image from once the reader allowed images. */
export const IMAGE_PROXY_PATH = "/api/image-proxy";

/** One proxied image: the remote URL and the session (its database id) it was made for. */
export type ProxiedImage = { url: string; session: string };

function signature(image: ProxiedImage, key: Buffer): string {
  return crypto.createHmac("sha256", key).update(`${image.session}\n${image.url}`, "utf8").digest("base64url");
}

/**
 * The proxy address of a remote image: the URL, the session it was shown in and an HMAC of both,
 * so the proxy fetches only URLs that Postern itself put into a message it showed, and only while
 * that session lasts. The session travels in the URL because the message frame is sandboxed (an
 * opaque origin): the browser sends no SameSite cookie with its image requests. The id is the
 * session's database key, a hash of the cookie's token: it signs nobody in.
 * `key` is deriveKey("image-proxy").
 */
export function proxiedImageUrl(image: ProxiedImage, key: Buffer): string {
  const query = new URLSearchParams({ u: image.url, v: image.session, s: signature(image, key) });
  return `${IMAGE_PROXY_PATH}?${query}`;
}

/** Whether `sig` is Postern's signature of `image` (constant-time). */
export function verifyImageUrl(image: ProxiedImage, sig: string, key: Buffer): boolean {
  // compared as text, so a second spelling of the same bytes is no signature either
  const expected = Buffer.from(signature(image, key));
  const given = Buffer.from(sig);
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}
