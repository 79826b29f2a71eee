"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { NoticeText } from "@/app/i18n/notice-text";
import { cancelSignIn, verifySecondFactor, type VerifyState } from "./actions";

/** The code field of the second step; `enrol`: the first code of a new authenticator. */
export function VerifyForm({ enrol }: { enrol: boolean }) {
  const t = useTranslations("verify");
  const [state, action, pending] = useActionState<VerifyState, FormData>(verifySecondFactor, { error: null });
  return (
    <>
      <form action={action} className="login-form" aria-describedby={state.error ? "verify-message" : undefined}>
        <label>
          {enrol ? t("appCode") : t("codeOrRecovery")}
          <input name="code" type="text" inputMode={enrol ? "numeric" : "text"} autoComplete="one-time-code" required autoFocus maxLength={40} />
        </label>
        {state.error && (
          <p id="verify-message" className="form-error" data-testid="verify-message">
            <NoticeText text={state.error} />
          </p>
        )}
        <button type="submit" disabled={pending}>
          {pending ? t("checking") : enrol ? t("turnOnAndSignIn") : t("signIn")}
        </button>
      </form>
      <form action={cancelSignIn} className="login-alt">
        <button type="submit" className="link-button">{t("otherAccount")}</button>
      </form>
    </>
  );
}
