"use client";
import { useTranslations } from "next-intl";
import { useActionState, type ReactNode } from "react";
import { NoticeText } from "@/app/i18n/notice-text";
import { INITIAL_ADD_STATE, type AddAccountState } from "./accounts.schema";
import styles from "../identities/identities.module.css";

type Props = {
  action: (prev: AddAccountState, form: FormData) => Promise<AddAccountState>;
  /** The session's CSRF field, rendered by the server page (csrf-field.tsx). */
  csrf: ReactNode;
};

/** The "Add an account" form: a refused attempt says why and keeps what was typed, but the password. */
export function AddAccountForm({ action, csrf }: Props) {
  const t = useTranslations("accounts");
  const [state, run, pending] = useActionState(action, INITIAL_ADD_STATE);
  const v = state.values;
  // a new key per answer, so the fields take the kept values as their defaults again
  return (
    <form action={run} className={styles.form} key={JSON.stringify(v)} data-testid="add-account-form">
      {csrf}
      {state.error && (
        <p className={`${styles.noticeError} ${styles.wide}`} role="alert" data-testid="add-account-error">
          <NoticeText text={state.error} />
        </p>
      )}
      <label>
        {t("user")}
        <input name="user" defaultValue={v.user} required maxLength={320} autoComplete="off" />
      </label>
      <label>
        {t("password")}
        <input name="pass" type="password" required maxLength={1024} autoComplete="new-password" />
      </label>
      <label className={styles.wide}>
        {t("label")} <span className={styles.hint}>{t("labelHint")}</span>
        <input name="label" defaultValue={v.label} maxLength={100} />
      </label>
      <label>
        {t("imapServer")}
        <input name="imapHost" defaultValue={v.imapHost} required placeholder={t("imapPlaceholder")} />
      </label>
      <ServerSecurity prefix="imap" port={v.imapPort || "993"} security={v.imapSecurity || "tls"} />
      <label>
        {t("smtpServer")} <span className={styles.hint}>{t("smtpServerHint")}</span>
        <input name="smtpHost" defaultValue={v.smtpHost} placeholder={t("smtpPlaceholder")} />
      </label>
      <ServerSecurity prefix="smtp" port={v.smtpPort || "587"} security={v.smtpSecurity || "starttls"} />
      <button type="submit" className={styles.button} disabled={pending}>
        {pending ? t("checking") : t("add")}
      </button>
    </form>
  );
}

function ServerSecurity({ prefix, port, security }: { prefix: "imap" | "smtp"; port: string; security: string }) {
  const t = useTranslations("accounts");
  const name = prefix.toUpperCase();
  return (
    <div className={styles.form}>
      <label>
        {t("port", { protocol: name })}
        <input name={`${prefix}Port`} type="number" min={1} max={65535} defaultValue={port} required />
      </label>
      <label>
        {t("security", { protocol: name })}
        <select name={`${prefix}Security`} defaultValue={security}>
          <option value="tls" translate="no">TLS</option>
          <option value="starttls" translate="no">STARTTLS</option>
          <option value="none">{t("securityNone")}</option>
        </select>
      </label>
    </div>
  );
}
