import { requireMailSession } from "@/auth";
import { SettingsFrame } from "../settings-frame";
import { getTranslations } from "next-intl/server";
import { requestedAccount } from "@/lib/accounts/account-param";
import { identityMailbox } from "@/lib/accounts/identity-mailbox";
import { listIdentities } from "@/lib/identities/identity-store";
import { readNotice } from "@/lib/http/signed-notice";
import { deleteIdentityAction, resendVerificationAction } from "./actions";
import { IdentityForm } from "./identity-form";
import styles from "./identities.module.css";
import { CsrfField } from "../csrf-field";

export const dynamic = "force-dynamic";

/** Settings: the addresses the user sends as, their names, Reply-To and signatures; with
 * `?account=`, those of one of their added mailboxes (issue 22). */
export default async function IdentitiesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const session = await requireMailSession();
  const params = await searchParams;
  const notice = readNotice(params);
  // an account removed since the link was made: NOT_FOUND, shown by the error page
  const mailbox = await identityMailbox(session, requestedAccount(params.account));
  const account = requestedAccount(params.account) ?? undefined;
  const identities = await listIdentities(mailbox.owner);
  const t = await getTranslations("mailboxSettings");
  return (
    <SettingsFrame email={session.email} title={mailbox.label === null ? "Identities and signatures" : t("identitiesOf", { label: mailbox.label })} notice={notice} noticeTestId="identity-notice">
        {mailbox.label !== null && (
          <p className={styles.hint} data-testid="identities-mailbox">
            {t("identitiesHint", { label: mailbox.label, login: mailbox.owner.login })} <a href="/mail/accounts">{t("backToAccounts")}</a>
          </p>
        )}
        <p className={styles.hint}>
          Replies are sent as the identity the message was addressed to, others as the default. An address other than your
          own can be used once you confirm it by the link Postern mails to it.
        </p>
        <ul className={styles.list}>
          {identities.map((i) => (
            <li key={i.id} className={styles.panel} data-testid="identity">
              <h2>
                {i.name ? `${i.name} <${i.address}>` : i.address}
                {i.isDefault && <span className={styles.badge}>default</span>}
                {!i.verified && <span className={styles.badge} data-testid="identity-unverified">unverified: cannot be used as From</span>}
              </h2>
              {!i.verified && (
                <form action={resendVerificationAction}>
                  <CsrfField />
                  <input type="hidden" name="id" value={i.id} />
                  {account && <input type="hidden" name="account" value={account} />}
                  <span className={styles.hint}>Open the link mailed to {i.address} while signed in here. </span>
                  <button type="submit" className={styles.secondary}>Send the link again</button>
                </form>
              )}
              <IdentityForm identity={i} submitLabel="Save" account={account} />
              {i.id !== "account" && (
                <form action={deleteIdentityAction}>
                  <CsrfField />
                  {account && <input type="hidden" name="account" value={account} />}
                  <input type="hidden" name="id" value={i.id} />
                  <button type="submit" className={styles.danger}>Delete</button>
                </form>
              )}
            </li>
          ))}
        </ul>
        <section className={styles.panel} aria-labelledby="new-identity">
          <h2 id="new-identity">Add an identity</h2>
          <IdentityForm identity={null} submitLabel="Add identity" account={account} />
        </section>
    </SettingsFrame>
  );
}
