import { z } from "zod";
import { getMailSession, toImapIdentity } from "@/auth";
import { isPosternError } from "@/lib/http/errors";
import { jsonError } from "@/lib/http/json-error";
import { CSRF_HEADER, isValidCsrfToken } from "@/lib/http/csrf-token";
import { isSameOriginRequest } from "@/lib/http/same-origin";
import type { MailSession } from "@/lib/auth/session-store";
import { getLogger } from "@/lib/observability/logger";
import type { ImapIdentity } from "@/lib/imap/session-pool";
import { ACCOUNT_HEADER, ACCOUNT_PARAM, accountIdentity, requestedAccount } from "@/lib/accounts/account-identity";

// Shared with the few public routes (app/api/r/reveal), which must not import the session code.
export { isSameOriginRequest, jsonError };


/** `session` is there for the few routes that need more than IMAP, e.g. the address to send from. */
type Handler<S extends z.ZodType> = (imap: ImapIdentity, input: z.infer<S>, req: Request, session: MailSession) => Promise<Response>;

/** Session, validation and error mapping shared by every API route: Postern errors keep their
 * status and message; anything else is logged and answered with an opaque 500. */
export async function runForSession<S extends z.ZodType>(
  req: Request,
  input: unknown,
  schema: S,
  handler: Handler<S>,
  opts: { mutation?: boolean } = {},
): Promise<Response> {
  const session = await getMailSession();
  if (!session) return jsonError(401, "UNAUTHORIZED", "Your session has ended. Please sign in again.");
  // Mutations also carry the session's CSRF token, which only Postern's own pages know.
  if (opts.mutation && !isValidCsrfToken(req.headers.get(CSRF_HEADER), session.id)) {
    return jsonError(403, "FORBIDDEN", "This request did not come from a Postern page. Reload the page and try again.");
  }
  const parsed = schema.safeParse(input);
  if (!parsed.success) return jsonError(400, "BAD_REQUEST", "The request is not valid.");
  try {
    return await handler(await requestIdentity(req, session), parsed.data, req, session);
  } catch (e) {
    if (isPosternError(e)) return jsonError(e.status, e.code, e.message, {}, e.detail);
    // `err` goes through the logger's safeError serializer: type, code, first line, stack only.
    getLogger().error({ reqId: req.headers.get("x-request-id"), where: "route", err: e }, "unexpected error");
    return jsonError(500, "INTERNAL", "Something went wrong on the server.");
  }
}

/** The mailbox a request acts on: the session's own, or one of its added accounts named by the
 * mail page's scripts (header) or a link the page made (query), e.g. a message's frame. */
async function requestIdentity(req: Request, session: MailSession): Promise<ImapIdentity> {
  const id = requestedAccount(req.headers.get(ACCOUNT_HEADER) ?? new URL(req.url).searchParams.get(ACCOUNT_PARAM));
  return id ? accountIdentity(session, id) : toImapIdentity(session);
}

/** A GET route that needs a signed-in user, its query validated with `schema`. */
export function sessionRoute<S extends z.ZodType>(schema: S, handler: Handler<S>): (req: Request) => Promise<Response> {
  return (req) => runForSession(req, Object.fromEntries(new URL(req.url).searchParams), schema, handler);
}

/** A POST route with a JSON body: same-origin check and CSRF token, then as sessionRoute. */
export function sessionMutation<S extends z.ZodType>(schema: S, handler: Handler<S>): (req: Request) => Promise<Response> {
  return async (req) => {
    if (!isSameOriginRequest(req)) return jsonError(403, "FORBIDDEN", "This request did not come from a Postern page.");
    return runForSession(req, await req.json().catch(() => undefined), schema, handler, { mutation: true });
  };
}

export const messageRef = {
  folder: z.string().min(1).max(1000),
  uid: z.coerce.number().int().positive().max(4294967295),
};
