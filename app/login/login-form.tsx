"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { login, type LoginState } from "./actions";

/** `next`: the page to return to once signed in (already checked by the page, again by the action).
 * `account`: the account a passkey-first sign-in named; only its password is asked. */
export function LoginForm({ notice, next, account = null }: { notice: string | null; next: string | null; account?: string | null }) {
  const [state, action, pending] = useActionState<LoginState, FormData>(login, { error: null, email: account ?? "" });
  const t = useTranslations("signIn");
  const message = state.error ?? notice;
  return (
    <form action={action} className="login-form" aria-describedby={message ? "login-message" : undefined}>
      {next && <input type="hidden" name="next" value={next} />}
      <label>
        {t("email")}
        <input name="email" type="text" autoComplete="username" defaultValue={state.email} required autoFocus={!account} readOnly={Boolean(account)} />
      </label>
      <label>
        {t("password")}
        <input name="password" type="password" autoComplete="current-password" required autoFocus={Boolean(account)} />
      </label>
      {message && (
        <p id="login-message" className={state.error ? "form-error" : "form-notice"} role={state.error ? "alert" : "status"} data-testid="login-message">
          {message}
        </p>
      )}
      <button type="submit" disabled={pending}>
        {pending ? t("signingIn") : t("signIn")}
      </button>
    </form>
  );
}
