import type { ReactNode } from "react";
import { getMailSession } from "@/auth";
import { csrfTokenFor } from "@/lib/http/csrf-token";
import { CSRF_META } from "./mutation-headers";

/** Every mail page carries the session's CSRF token for its JSON and form mutations
 * (mutation-headers.ts); the pages themselves still check the session. */
export default async function MailLayout({ children }: { children: ReactNode }) {
  const session = await getMailSession();
  return (
    <>
      {session && <meta name={CSRF_META} content={csrfTokenFor(session.id)} />}
      {children}
    </>
  );
}
