/** The meta element that carries the session's CSRF token (app/mail/layout.tsx). */
export const CSRF_META = "postern-csrf";
/** The added account a mail page shows (app/mail/page.tsx); absent for the user's own mailbox. */
export const ACCOUNT_META = "postern-account";

/**
 * Headers of every request that changes something (POST to /api/...): x-postern-request, which a
 * cross-site form or no-cors fetch cannot set, and the session's CSRF token from the page, which
 * another origin cannot read. Checked by app/api/session-route.ts.
 */
export function mutationHeaders(extra: Record<string, string> = {}): Record<string, string> {
  const token = pageCsrfToken();
  // a page of an added account (issue 22) acts on that account's mailbox
  const account = document.querySelector<HTMLMetaElement>(`meta[name="${ACCOUNT_META}"]`)?.content;
  return { "x-postern-request": "1", "x-postern-csrf": token, ...(account ? { "x-postern-account": account } : {}), ...extra };
}

/** The session's CSRF token, as the layout put it in the page. */
export function pageCsrfToken(): string {
  return document.querySelector<HTMLMetaElement>(`meta[name="${CSRF_META}"]`)?.content ?? "";
}

/** The form field of a server action called from a client component: lib/http/csrf-token.ts's
 * CSRF_FIELD, written again because that module (node:crypto) cannot be in the browser's bundle. */
export const CSRF_FORM_FIELD = "postern-csrf";
