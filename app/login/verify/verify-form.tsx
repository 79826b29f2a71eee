"use client";
import { useActionState } from "react";
import { cancelSignIn, verifySecondFactor, type VerifyState } from "./actions";

/** The code field of the second step; `enrol`: the first code of a new authenticator. */
export function VerifyForm({ enrol }: { enrol: boolean }) {
  const [state, action, pending] = useActionState<VerifyState, FormData>(verifySecondFactor, { error: null });
  return (
    <>
      <form action={action} className="login-form" aria-describedby={state.error ? "verify-message" : undefined}>
        <label>
          {enrol ? "Code from your app" : "Code from your authenticator app, or a recovery code"}
          <input name="code" type="text" inputMode={enrol ? "numeric" : "text"} autoComplete="one-time-code" required autoFocus maxLength={40} />
        </label>
        {state.error && (
          <p id="verify-message" className="form-error" data-testid="verify-message">
            {state.error}
          </p>
        )}
        <button type="submit" disabled={pending}>
          {pending ? "Checking…" : enrol ? "Turn on and sign in" : "Sign in"}
        </button>
      </form>
      <form action={cancelSignIn} className="login-alt">
        <button type="submit" className="link-button">Use another account</button>
      </form>
    </>
  );
}
