"use client";
import { startAuthentication } from "@simplewebauthn/browser";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { NoticeText } from "@/app/i18n/notice-text";
import { passkeyFirstOptions, passkeyFirstVerify, passkeyStepOptions, passkeyStepVerify } from "./passkey-actions";

type Props = {
  /** "first": passkey-first sign-in from the sign-in page; "step": the second step after the password. */
  mode: "first" | "step";
  next?: string | null;
  label: string;
};

/** Asks the browser for a passkey (WebAuthn) and hands its answer to the server to check. */
export function PasskeyButton({ mode, next, label }: Props) {
  const router = useRouter();
  const t = useTranslations("signIn");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function run() {
    setBusy(true);
    setError(null);
    try {
      const asked = mode === "first" ? await passkeyFirstOptions() : await passkeyStepOptions();
      if ("error" in asked) return setError(asked.error);
      let answer;
      try {
        answer = await startAuthentication({ optionsJSON: asked.options });
      } catch {
        return setError(t("noPasskeyUsed"));
      }
      const result = mode === "first" ? await passkeyFirstVerify(asked.challengeId, answer, next ?? null) : await passkeyStepVerify(asked.challengeId, answer);
      if (result.error) return setError(result.error);
      // Passkey-first: the page now asks the password of the account the passkey named.
      if (mode === "first") router.refresh();
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="login-alt">
      <button type="button" className="link-button" onClick={() => void run()} disabled={busy} data-testid={`passkey-${mode}`}>
        {busy ? t("waitingForPasskey") : label}
      </button>
      {error && (
        <p className="form-error" role="alert" data-testid="passkey-error">
          <NoticeText text={error} />
        </p>
      )}
    </div>
  );
}
