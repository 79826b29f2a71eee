import { cache } from "react";
import { getMailSession } from "@/auth";
import { CSRF_FIELD, csrfTokenFor } from "@/lib/http/csrf-token";

/** The request's mail session, looked up once however many parts of the page ask. */
export const currentMailSession = cache(getMailSession);

/** The session's CSRF token, worked out once per request however many forms (and the layout) ask. */
export const sessionCsrfToken = cache(async (): Promise<string | null> => {
  const session = await currentMailSession();
  return session ? csrfTokenFor(session.id) : null;
});

/** The hidden field of every server-action form, checked by sessionAction (session-action.ts). */
export async function CsrfField() {
  const token = await sessionCsrfToken();
  return token ? <input type="hidden" name={CSRF_FIELD} value={token} /> : null;
}
