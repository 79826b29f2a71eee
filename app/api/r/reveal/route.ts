import { z } from "zod";
import { isPosternError } from "@/lib/http/errors";
import { jsonError } from "@/lib/http/json-error";
import { isSameOriginRequest } from "@/lib/http/same-origin";
import { closedLinkSentence } from "@/lib/read-links/link-state";
import { formatUtcTime } from "@/lib/read-links/link-notice";
import { finishReadLink } from "@/lib/read-links/read-link-store";
import { revealReadLink } from "@/lib/read-links/reveal-link";

// `retry`: a secret the browser made before asking (256 bits, base64url), so that it alone can ask
// again if this answer is lost; `done`: it has the message, and the content can go now.
const schema = z.object({
  token: z.string().max(100),
  retry: z.string().regex(/^[A-Za-z0-9_-]{43}$/).optional(),
  done: z.literal(true).optional(),
});

/**
 * Opens a one-time read link (public: the recipient has no Postern account). The token comes in
 * the body, not the URL, so it is in no access log; the key never comes at all: it stays in the
 * page's fragment and the browser decrypts. Answers the ciphertext once, then 410.
 */
export async function POST(req: Request): Promise<Response> {
  if (!isSameOriginRequest(req)) return jsonError(403, "FORBIDDEN", "This request did not come from a Postern page.");
  const parsed = schema.safeParse(await req.json().catch(() => undefined));
  if (!parsed.success) return jsonError(400, "BAD_REQUEST", "The request is not valid.");
  const visitor = { ip: req.headers.get("x-postern-client-ip"), userAgent: req.headers.get("user-agent") };
  const { token, retry, done } = parsed.data;
  if (done) {
    if (retry) await finishReadLink(token, retry).catch((e: unknown) => console.error("[reveal]", e));
    return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
  }
  let result;
  try {
    result = await revealReadLink(token, visitor, new Date(), retry ?? null);
  } catch (e) {
    if (isPosternError(e)) return jsonError(e.status, e.code, e.message, {}, e.detail);
    console.error("[reveal]", e);
    return jsonError(500, "INTERNAL", "Something went wrong on the server. The message was not opened; try again later.");
  }
  switch (result.kind) {
    case "content":
      return new Response(result.ciphertext.slice().buffer as ArrayBuffer, {
        headers: { "Content-Type": "application/octet-stream", "Cache-Control": "no-store" },
      });
    case "closed":
      return Response.json(
        { error: { code: "GONE", message: closedLinkSentence(result.state, formatUtcTime(result.at)), state: result.state, at: result.at.toISOString() } },
        { status: 410, headers: { "Cache-Control": "no-store" } },
      );
    case "unknown":
      return jsonError(404, "NOT_FOUND", "This link is not valid. Check that it was copied completely.");
    case "limited":
      return jsonError(429, "RATE_LIMITED", "Too many invalid links were tried from your address. Please wait a few minutes.", {
        "Retry-After": String(result.retryAfter),
      });
  }
}
