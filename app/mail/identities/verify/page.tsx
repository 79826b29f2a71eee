import { getTranslations } from "next-intl/server";
import { requireMailSession } from "@/auth";
import { identityKeysOf } from "@/lib/accounts/identity-mailbox";
import { findVerification } from "@/lib/identities/identity-verification";
import { SettingsFrame } from "../../settings-frame";
import { CsrfField } from "../../csrf-field";
import { confirmIdentityAction } from "../actions";
import styles from "../identities.module.css";

export const dynamic = "force-dynamic";

/**
 * Where a confirmation link lands (signing in first if needed: requireMailSession comes back
 * here). Opening the link changes nothing; a button does, so a mail scanner that follows links
 * cannot confirm an address on its own.
 */
export default async function VerifyIdentityPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const session = await requireMailSession();
  const token = (await searchParams).token ?? "";
  const found = token.length <= 100 ? await findVerification(await identityKeysOf(session.email), token) : null;
  const t = await getTranslations("identities");
  return (
    <SettingsFrame email={session.email} title={t("verifyTitle")} notice={null} noticeTestId="identity-notice">
      <section className={styles.panel} data-testid="identity-verify">
        {found ? (
          <form action={confirmIdentityAction}>
            <CsrfField />
            <input type="hidden" name="token" value={token} />
            <p>
              {t.rich("verifyQuestion", {
                address: () => <strong translate="no">{found.address}</strong>,
                account: () => <span translate="no">{session.email}</span>,
              })}
            </p>
            <button type="submit" className={styles.button}>{t("confirm")}</button>
          </form>
        ) : (
          <p>{t.rich("verifyGone", { link: (chunks) => <a href="/mail/identities">{chunks}</a> })}</p>
        )}
      </section>
    </SettingsFrame>
  );
}
