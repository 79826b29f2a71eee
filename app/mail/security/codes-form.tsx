"use client";
import { useTranslations } from "next-intl";
import { useActionState, type ReactNode } from "react";
import { NoticeText } from "@/app/i18n/notice-text";
import { INITIAL_CODES_STATE, type CodesState } from "./codes-state";
import styles from "../identities/identities.module.css";

type Props = {
  action: (prev: CodesState, form: FormData) => Promise<CodesState>;
  /** The session's CSRF field, rendered by the server page (csrf-field.tsx). */
  csrf: ReactNode;
  submitLabel: string;
  /** Whether the form asks for a code from the app. */
  withCode: boolean;
};

/** A two-factor form whose answer may be recovery codes, shown here once. */
export function CodesForm({ action, csrf, submitLabel, withCode }: Props) {
  const t = useTranslations("security");
  const [state, run, pending] = useActionState(action, INITIAL_CODES_STATE);
  if (state.codes) {
    return (
      <div data-testid="recovery-codes">
        <p>{state.message && <NoticeText text={state.message} />}</p>
        <ol className={styles.codes}>
          {state.codes.map((c) => (
            <li key={c}>
              <code translate="no">{c}</code>
            </li>
          ))}
        </ol>
        <p className={styles.hint}>{t("codesHint")}</p>
        <a href="/mail/security">{t("codesSaved")}</a>
      </div>
    );
  }
  return (
    <form action={run} className={styles.form}>
      {csrf}
      {withCode && (
        <label>
          {t("appCode")}
          <input name="code" inputMode="numeric" autoComplete="one-time-code" required maxLength={10} />
        </label>
      )}
      {state.error && (
        <p className={`${styles.noticeError} ${styles.wide}`} role="alert" data-testid="codes-error">
          <NoticeText text={state.error} />
        </p>
      )}
      <button type="submit" className={styles.button} disabled={pending}>
        {submitLabel}
      </button>
    </form>
  );
}
