import { requireMailSession } from "@/auth";
import { getTranslations } from "next-intl/server";
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

const describe = (s: { host: string; port: number; security: string }) => `${s.host}:${s.port}, ${s.security === "none" ? "no encryption" : s.security.toUpperCase()}`;

/** Settings: other mailboxes read beside the user's own. Passwords are never sent back to the browser. */
export default async function AccountsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const session = await requireMailSession();
  const notice = readNotice(await searchParams);
  const accounts = await listAccounts(session.email);
  const settings = await Promise.all(accounts.map((a) => readMailboxSettings(session.email, a.id)));
  const t = await getTranslations("mailboxSettings");
  return (
    <SettingsFrame email={session.email} title="Other accounts" notice={notice} noticeTestId="accounts-notice">
      <p className={styles.hint}>
        Read and send from other IMAP mailboxes beside {session.email}. Postern signs in to each when you add it, and keeps its password
        encrypted until you remove it. Servers on private or local networks are refused unless the administrator allows them.
      </p>
      <ul className={styles.list}>
        {accounts.map((a, n) => (
          <li key={a.id} className={styles.panel} data-testid="mail-account">
            <h2>
              {a.label}
              {a.label !== a.user && <span className={styles.badge}>{a.user}</span>}
            </h2>
            <p className={styles.hint}>
              IMAP {describe(a.imap)} · SMTP {describe(a.smtp)}
            </p>
            <a href={`/mail?${new URLSearchParams({ account: a.id })}`}>Open</a> ·{" "}
            <a href={`/mail/identities?${new URLSearchParams({ account: a.id })}`} data-testid="account-identities">
              {t("identities")}
            </a>
            <MailboxSettingsForm id={a.id} label={a.label} settings={settings[n]} />
            <form action={testAccountAction}>
              <CsrfField />
              <input type="hidden" name="id" value={a.id} />
              <button type="submit" className={styles.secondary}>Test sign-in</button>
            </form>
            <form action={removeAccountAction}>
              <CsrfField />
              <input type="hidden" name="id" value={a.id} />
              <button type="submit" className={styles.danger} aria-label={`Remove ${a.label}`}>Remove</button>
            </form>
          </li>
        ))}
      </ul>
      <section className={styles.panel} aria-labelledby="add-account">
        <h2 id="add-account">Add an account</h2>
        <AddAccountForm action={addAccountAction} csrf={<CsrfField />} />
      </section>
    </SettingsFrame>
  );
}
