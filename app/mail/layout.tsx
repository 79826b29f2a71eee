import type { ReactNode } from "react";
import { uiTheme } from "@/lib/settings/appearance-settings";
import { currentMailSession, sessionCsrfToken } from "./csrf-field";
import { CSRF_META } from "./mutation-headers";
import { requestSettings } from "./request-settings";

/** Every mail page carries the session's CSRF token for its JSON and form mutations
 * (mutation-headers.ts); server-action forms carry it in a field of their own (csrf-field.tsx).
 * The pages themselves still check the session. The account's light/dark choice (Settings →
 * Appearance) is a class on the page's root element; without one the system's choice applies. */
export default async function MailLayout({ children }: { children: ReactNode }) {
  const [token, session] = await Promise.all([sessionCsrfToken(), currentMailSession()]);
  const theme = session ? await requestSettings([session.email], [uiTheme] as const).then(([t]) => t, () => "system" as const) : "system";
  return (
    <div className={`theme-root theme-${theme}`} data-theme={theme}>
      {token && <meta name={CSRF_META} content={token} />}
      {children}
    </div>
  );
}
