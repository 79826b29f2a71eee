import { getTranslations } from "next-intl/server";
import { requireMailSession } from "@/auth";
import { listAccounts } from "@/lib/accounts/account-store";
import { readMailboxSettings } from "@/lib/accounts/mailbox-settings";
import { readNotice } from "@/lib/http/signed-notice";
import { CsrfField } from "../csrf-field";
import { SettingsFrame } from "../settings-frame";
import { AddAccountForm } from "./add-account-form";
import { addAccountAction, removeAccountAction, testAccountAction } from "./actions";
import { MailboxSettingsForm } from "./mailbox-settings-form";
import styles from "../identities/identities.module.css";

export const dynamic = "force-dynamic";

/** Settings: other mailboxes read beside the user's own. Passwords are never sent back to the browser. */
export default async function AccountsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const session = await requireMailSession();
  const notice = readNotice(await searchParams);
  const accounts = await listAccounts(session.email);
  const t = await getTranslations("accounts");
  const tm = await getTranslations("mailboxSettings");
  const settings = await Promise.all(accounts.map((a) => readMailboxSettings(session.email, a.id)));
  const describe = (s: { host: string; port: number; security: string }) =>
    `${s.host}:${s.port}, ${s.security === "none" ? t("noEncryption") : s.security.toUpperCase()}`;
  return (
    <SettingsFrame email={session.email} title={t("title")} notice={notice} noticeTestId="accounts-notice">
      <p className={styles.hint}>{t.rich("intro", { account: () => <span translate="no">{session.email}</span> })}</p>
      <ul className={styles.list}>
        {accounts.map((a, n) => (
          <li key={a.id} className={styles.panel} data-testid="mail-account">
            <h2>
              <span translate="no">{a.label}</span>
              {a.label !== a.user && <span className={styles.badge} translate="no">{a.user}</span>}
            </h2>
            <p className={styles.hint}>
              <span translate="no">IMAP</span> {describe(a.imap)} · <span translate="no">SMTP</span> {describe(a.smtp)}
            </p>
            <a href={`/mail?${new URLSearchParams({ account: a.id })}`}>{t("open")}</a> ·{" "}
            <a href={`/mail/identities?${new URLSearchParams({ account: a.id })}`} data-testid="account-identities">
              {tm("identities")}
            </a>
            <MailboxSettingsForm id={a.id} label={a.label} settings={settings[n]} />
            <form action={testAccountAction}>
              <CsrfField />
              <input type="hidden" name="id" value={a.id} />
              <button type="submit" className={styles.secondary}>{t("test")}</button>
            </form>
            <form action={removeAccountAction}>
              <CsrfField />
              <input type="hidden" name="id" value={a.id} />
              <button type="submit" className={styles.danger} aria-label={t("removeLabel", { account: a.label })}>{t("remove")}</button>
            </form>
          </li>
        ))}
      </ul>
      <section className={styles.panel} aria-labelledby="add-account">
        <h2 id="add-account">{t("addTitle")}</h2>
        <AddAccountForm action={addAccountAction} csrf={<CsrfField />} />
      </section>
    </SettingsFrame>
  );
}
