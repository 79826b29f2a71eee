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
  const token = document.querySelector<HTMLMetaElement>(`meta[name="${CSRF_META}"]`)?.content ?? "";
  // a page of an added account (issue 22) acts on that account's mailbox
  const account = document.querySelector<HTMLMetaElement>(`meta[name="${ACCOUNT_META}"]`)?.content;
  return { "x-postern-request": "1", "x-postern-csrf": token, ...(account ? { "x-postern-account": account } : {}), ...extra };
}
