"use client";
import { startRegistration } from "@simplewebauthn/browser";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { NoticeText } from "@/app/i18n/notice-text";
import { useRef, useState, type FormEvent, type ReactNode } from "react";
import { addPasskeyAction, passkeyOptionsAction } from "./passkey-actions";
import { INITIAL_ADD_STATE, INITIAL_OPTIONS_STATE } from "./passkey-state";
import styles from "../identities/identities.module.css";

/** Adds a passkey: the server's options, the browser's WebAuthn prompt, the answer checked by the server. */
export function AddPasskey({ csrf }: { csrf: ReactNode }) {
  const t = useTranslations("security");
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const el = event.currentTarget;
    setBusy(true);
    setError(null);
    try {
      const asked = await passkeyOptionsAction(INITIAL_OPTIONS_STATE, new FormData(el));
      if (!asked.options || !asked.challengeId) return setError(asked.error ?? t("tryAgain"));
      let answer;
      try {
        answer = await startRegistration({ optionsJSON: asked.options });
      } catch (e) {
        const known = e instanceof Error && e.name === "InvalidStateError";
        return setError(known ? t("passkeyKnown") : t("passkeyNotMade"));
      }
      const data = new FormData(el);
      data.set("challengeId", asked.challengeId);
      data.set("response", JSON.stringify(answer));
      const done = await addPasskeyAction(INITIAL_ADD_STATE, data);
      if (!done.added) return setError(done.error);
      form.current?.reset();
      router.refresh();
    } finally {
      setBusy(false);
    }
  }

  return (
    <form ref={form} onSubmit={(e) => void add(e)} className={styles.form}>
      {csrf}
      <label>
        {t("passkeyName")}
        <input name="name" required maxLength={60} placeholder={t("passkeyNamePlaceholder")} data-testid="passkey-name" />
      </label>
      {error && (
        <p className={`${styles.noticeError} ${styles.wide}`} role="alert" data-testid="passkey-error">
          <NoticeText text={error} />
        </p>
      )}
      <button type="submit" className={styles.button} disabled={busy}>
        {busy ? t("waitingForPasskey") : t("addPasskey")}
      </button>
    </form>
  );
}
