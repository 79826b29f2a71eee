"use client";
import { useActionState, type ReactNode } from "react";
import { INITIAL_ADD_STATE, type AddAccountState } from "./accounts.schema";
import styles from "../identities/identities.module.css";

type Props = {
  action: (prev: AddAccountState, form: FormData) => Promise<AddAccountState>;
  /** The session's CSRF field, rendered by the server page (csrf-field.tsx). */
  csrf: ReactNode;
};

/** The "Add an account" form: a refused attempt says why and keeps what was typed, but the password. */
export function AddAccountForm({ action, csrf }: Props) {
  const [state, run, pending] = useActionState(action, INITIAL_ADD_STATE);
  const v = state.values;
  // a new key per answer, so the fields take the kept values as their defaults again
  return (
    <form action={run} className={styles.form} key={JSON.stringify(v)} data-testid="add-account-form">
      {csrf}
      {state.error && (
        <p className={`${styles.noticeError} ${styles.wide}`} role="alert" data-testid="add-account-error">
          {state.error}
        </p>
      )}
      <label>
        User name (often the email address)
        <input name="user" defaultValue={v.user} required maxLength={320} autoComplete="off" />
      </label>
      <label>
        Password
        <input name="pass" type="password" required maxLength={1024} autoComplete="new-password" />
      </label>
      <label className={styles.wide}>
        Name in the account list <span className={styles.hint}>(empty: the user name)</span>
        <input name="label" defaultValue={v.label} maxLength={100} />
      </label>
      <label>
        IMAP server
        <input name="imapHost" defaultValue={v.imapHost} required placeholder="imap.example.com" />
      </label>
      <ServerSecurity prefix="imap" port={v.imapPort || "993"} security={v.imapSecurity || "tls"} />
      <label>
        SMTP server <span className={styles.hint}>(empty: the IMAP server)</span>
        <input name="smtpHost" defaultValue={v.smtpHost} placeholder="smtp.example.com" />
      </label>
      <ServerSecurity prefix="smtp" port={v.smtpPort || "587"} security={v.smtpSecurity || "starttls"} />
      <button type="submit" className={styles.button} disabled={pending}>
        {pending ? "Checking…" : "Check and add"}
      </button>
    </form>
  );
}

function ServerSecurity({ prefix, port, security }: { prefix: "imap" | "smtp"; port: string; security: string }) {
  const name = prefix.toUpperCase();
  return (
    <div className={styles.form}>
      <label>
        {name} port
        <input name={`${prefix}Port`} type="number" min={1} max={65535} defaultValue={port} required />
      </label>
      <label>
        {name} security
        <select name={`${prefix}Security`} defaultValue={security}>
          <option value="tls">TLS</option>
          <option value="starttls">STARTTLS</option>
          <option value="none">None (trusted networks only)</option>
        </select>
      </label>
    </div>
  );
}
