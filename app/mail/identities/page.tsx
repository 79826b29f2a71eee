import { getTranslations } from "next-intl/server";
import { requireMailSession } from "@/auth";
import { SettingsFrame } from "../settings-frame";
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
  const account = requestedAccount(params.account) ?? undefined;
  const mailbox = await identityMailbox(session, account ?? null);
  const identities = await listIdentities(mailbox.owner);
  const t = await getTranslations("identities");
  const tm = await getTranslations("mailboxSettings");
  return (
    <SettingsFrame email={session.email} title={mailbox.label === null ? t("title") : tm("identitiesOf", { label: mailbox.label })} notice={notice} noticeTestId="identity-notice">
        {mailbox.label !== null && (
          <p className={styles.hint} data-testid="identities-mailbox">
            {tm("identitiesHint", { label: mailbox.label, login: mailbox.owner.login })} <a href="/mail/accounts">{tm("backToAccounts")}</a>
          </p>
        )}
        <p className={styles.hint}>{t("intro")}</p>
        <ul className={styles.list}>
          {identities.map((i) => (
            <li key={i.id} className={styles.panel} data-testid="identity">
              <h2>
                <span translate="no">{i.name ? `${i.name} <${i.address}>` : i.address}</span>
                {i.isDefault && <span className={styles.badge}>{t("default")}</span>}
                {!i.verified && <span className={styles.badge} data-testid="identity-unverified">{t("unverified")}</span>}
              </h2>
              {!i.verified && (
                <form action={resendVerificationAction}>
                  <CsrfField />
                  <input type="hidden" name="id" value={i.id} />
                  {account && <input type="hidden" name="account" value={account} />}
                  <span className={styles.hint}>{t.rich("openLink", { address: () => <span translate="no">{i.address}</span> })} </span>
                  <button type="submit" className={styles.secondary}>{t("resend")}</button>
                </form>
              )}
              <IdentityForm identity={i} submitLabel={t("save")} account={account} />
              {i.id !== "account" && (
                <form action={deleteIdentityAction}>
                  <CsrfField />
                  {account && <input type="hidden" name="account" value={account} />}
                  <input type="hidden" name="id" value={i.id} />
                  <button type="submit" className={styles.danger}>{t("delete")}</button>
                </form>
              )}
            </li>
          ))}
        </ul>
        <section className={styles.panel} aria-labelledby="new-identity">
          <h2 id="new-identity">{t("addTitle")}</h2>
          <IdentityForm identity={null} submitLabel={t("add")} account={account} />
        </section>
    </SettingsFrame>
  );
}
