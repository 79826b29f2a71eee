import type { z } from "zod";
import { isSameOriginRequest, jsonError, runForSession } from "./session-route";

type Handler<S extends z.ZodType> = Parameters<typeof runForSession<S>>[3];

/** The form as a plain object for zod: text fields by name (the last value wins), every file of
 * the `files` field in order. */
function formToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = { files: form.getAll("files").filter((v): v is File => typeof v !== "string") };
  for (const [key, value] of form) if (key !== "files" && typeof value === "string") out[key] = value;
  return out;
}

/**
 * A POST route with a multipart/form-data body (file uploads): the same CSRF check as
 * sessionMutation (Origin + x-postern-request, which a cross-site <form> cannot send, and the
 * session's CSRF token, checked once the session is known), then a
 * size check on Content-Length before anything is read, then as sessionRoute.
 * @param maxBytes largest body accepted; a bigger one is refused with 413 unread
 */
export function sessionFormMutation<S extends z.ZodType>(
  schema: S,
  maxBytes: () => Promise<number>,
  handler: Handler<S>,
): (req: Request) => Promise<Response> {
  return async (req) => {
    if (!isSameOriginRequest(req)) return jsonError(403, "FORBIDDEN", "This request did not come from a Postern page.");
    const length = Number(req.headers.get("content-length"));
    if (!Number.isFinite(length) || length <= 0) return jsonError(411, "BAD_REQUEST", "The request has no length.");
    if (length > (await maxBytes())) {
      return jsonError(413, "MESSAGE_TOO_LARGE", "The message and its attachments are larger than you can send. Remove some attachments.");
    }
    const form = await req.formData().catch(() => null);
    return runForSession(req, form ? formToObject(form) : undefined, schema, handler, { mutation: true });
  };
}
