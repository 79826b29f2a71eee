import type { ReactNode } from "react";
import { sessionCsrfToken } from "./csrf-field";
import { CSRF_META } from "./mutation-headers";

/** Every mail page carries the session's CSRF token for its JSON and form mutations
 * (mutation-headers.ts); server-action forms carry it in a field of their own (csrf-field.tsx).
 * The pages themselves still check the session. */
export default async function MailLayout({ children }: { children: ReactNode }) {
  const token = await sessionCsrfToken();
  return (
    <>
      {token && <meta name={CSRF_META} content={token} />}
      {children}
    </>
  );
}
