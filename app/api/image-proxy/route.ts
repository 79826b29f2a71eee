import { z } from "zod";
import { deriveKey } from "@/lib/auth/secret-key";
import { isLiveSessionId } from "@/lib/auth/session-store";
import { getConfig } from "@/lib/env";
import { isPosternError } from "@/lib/http/errors";
import { jsonError } from "@/lib/http/json-error";
import { fetchRemoteImage } from "@/lib/image-proxy/fetch-image";
import { verifyImageUrl } from "@/lib/image-proxy/sign-image-url";

const query = z.object({ u: z.string().min(1).max(8192), v: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/), s: z.string().max(100) });

/**
 * A remote image of a message, fetched by Postern so the sender sees Postern's address, not the
 * reader's (issue 8). Only URLs Postern signed for a session when it showed a message, and only
 * while that session lives (the sandboxed frame sends no cookie: the signed session id stands in
 * for it); the fetch itself refuses private and local targets (lib/image-proxy/fetch-image.ts).
 * The answer can never run as a document: nosniff, a sandbox CSP, only non-SVG image types.
 */
export async function GET(req: Request): Promise<Response> {
  const parsed = query.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!parsed.success) return jsonError(400, "BAD_REQUEST", "The request is not valid.");
  const { u: url, v: session, s: sig } = parsed.data;
  if (!verifyImageUrl({ url, session }, sig, deriveKey("image-proxy"))) return jsonError(403, "FORBIDDEN", "This image address was not made by Postern.");
  if (!(await isLiveSessionId(session))) return jsonError(401, "UNAUTHORIZED", "Your session has ended. Please sign in again.");
  try {
    const image = await fetchRemoteImage(url, { allowLoopback: getConfig().IMAGE_PROXY_ALLOW_LOOPBACK });
    return new Response(new Uint8Array(image.body), {
      headers: {
        "Content-Type": image.contentType,
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "sandbox; default-src 'none'",
        "Content-Disposition": "inline",
        // per reader and session (the URL names it), kept a day by their browser only
        "Cache-Control": "private, max-age=86400",
      },
    });
  } catch (e) {
    if (isPosternError(e)) return jsonError(e.status, e.code, e.message, {}, e.detail);
    console.error("[image-proxy]", e);
    return jsonError(502, "IMAGE_UNAVAILABLE", "The image could not be loaded.");
  }
}
