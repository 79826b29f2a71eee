import { z } from "zod";
import { getMailSession, toImapIdentity } from "@/auth";
import { isPosternError } from "@/lib/http/errors";
import type { ImapIdentity } from "@/lib/imap/session-pool";

function jsonError(status: number, code: string, message: string): Response {
  return Response.json({ error: { code, message } }, { status, headers: { "Cache-Control": "no-store" } });
}

/**
 * A GET route that needs a signed-in user: checks the session, validates the query with `schema`,
 * and maps Postern errors to their status; anything else is logged and answered with an opaque 500.
 */
export function sessionRoute<S extends z.ZodType>(
  schema: S,
  handler: (imap: ImapIdentity, query: z.infer<S>, req: Request) => Promise<Response>,
): (req: Request) => Promise<Response> {
  return async (req) => {
    const session = await getMailSession();
    if (!session) return jsonError(401, "UNAUTHORIZED", "Please sign in again.");
    const parsed = schema.safeParse(Object.fromEntries(new URL(req.url).searchParams));
    if (!parsed.success) return jsonError(400, "BAD_REQUEST", "The request is not valid.");
    try {
      return await handler(toImapIdentity(session), parsed.data, req);
    } catch (e) {
      if (isPosternError(e)) return jsonError(e.status, e.code, e.message);
      console.error("[route]", e);
      return jsonError(500, "INTERNAL", "Something went wrong on the server.");
    }
  };
}

/**
 * CSRF defence for JSON mutations: the browser must say the request comes from a Postern page
 * (Origin equal to the host it was sent to) and carry a custom header, which a cross-site form or
 * a "simple" cross-origin fetch cannot set without a CORS preflight that Postern never grants.
 */
export function isSameOriginRequest(req: Request): boolean {
  if (req.headers.get("x-postern-request") !== "1") return false;
  const origin = req.headers.get("origin");
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** A POST route with a JSON body: same-origin check, session, zod validation, error mapping. */
export function sessionMutation<S extends z.ZodType>(
  schema: S,
  handler: (imap: ImapIdentity, body: z.infer<S>, req: Request) => Promise<Response>,
): (req: Request) => Promise<Response> {
  return async (req) => {
    if (!isSameOriginRequest(req)) return jsonError(403, "FORBIDDEN", "This request did not come from a Postern page.");
    const session = await getMailSession();
    if (!session) return jsonError(401, "UNAUTHORIZED", "Your session has ended. Please sign in again.");
    const parsed = schema.safeParse(await req.json().catch(() => undefined));
    if (!parsed.success) return jsonError(400, "BAD_REQUEST", "The request is not valid.");
    try {
      return await handler(toImapIdentity(session), parsed.data, req);
    } catch (e) {
      if (isPosternError(e)) return jsonError(e.status, e.code, e.message);
      console.error("[route]", e);
      return jsonError(500, "INTERNAL", "Something went wrong on the server.");
    }
  };
}

export const messageRef = {
  folder: z.string().min(1).max(1000),
  uid: z.coerce.number().int().positive().max(4294967295),
};
