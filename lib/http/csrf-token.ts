import crypto from "node:crypto";
import { deriveKey } from "@/lib/auth/secret-key";

/** The request header that carries the token (app/mail/mutation-headers.ts sets it). */
export const CSRF_HEADER = "x-postern-csrf";

/** The form field that carries it in server-action forms (app/mail/csrf-field.tsx puts it,
 * app/mail/session-action.ts checks it). */
export const CSRF_FIELD = "postern-csrf";

/**
 * The CSRF token of a session: an HMAC of its id under a key of its own, so it needs no storage,
 * changes with every sign-in (a new session id) and cannot be derived from the cookie by anyone
 * without the master key. Postern's pages carry it (app/mail/layout.tsx); a page of another
 * origin cannot read it. A second wall behind the Origin + custom-header check (same-origin.ts).
 */
export function csrfTokenFor(sessionId: string, key: Buffer = deriveKey("csrf")): string {
  return crypto.createHmac("sha256", key).update(sessionId, "utf8").digest("base64url");
}

/** Whether `given` is the CSRF token of `sessionId` (constant-time; a missing one is not). */
export function isValidCsrfToken(given: string | null, sessionId: string, key?: Buffer): boolean {
  if (!given) return false;
  const expected = Buffer.from(csrfTokenFor(sessionId, key));
  const actual = Buffer.from(given);
  return actual.length === expected.length && crypto.timingSafeEqual(actual, expected);
}
