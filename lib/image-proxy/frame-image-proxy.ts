import { deriveKey } from "@/lib/auth/secret-key";
import type { FrameImageProxy } from "@/lib/mime/render-frame";
import { IMAGE_PROXY_PATH, proxiedImageUrl } from "./sign-image-url";

/**
 * The image proxy for a message frame shown in session `session` (its database id) and served
 * from `origin` (Postern's address as the browser sent it, for the frame's CSP; an http: source
 * there also matches https:). The image URLs themselves are relative, resolved by the browser
 * against the frame document's own address, so they stay right behind any reverse proxy.
 */
export function frameImageProxy(opts: { origin: string; session: string; key?: Buffer }): FrameImageProxy {
  const key = opts.key ?? deriveKey("image-proxy");
  return { rewrite: (url) => proxiedImageUrl({ url, session: opts.session }, key), url: opts.origin + IMAGE_PROXY_PATH };
}
