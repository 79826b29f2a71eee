import { getTranslations } from "next-intl/server";
import { requireMailSession } from "@/auth";
import { SettingsFrame } from "../settings-frame";
import { listIdentities } from "@/lib/identities/identity-store";
import { readNotice } from "@/lib/http/signed-notice";
import { deleteIdentityAction, resendVerificationAction } from "./actions";
import { IdentityForm } from "./identity-form";
import styles from "./identities.module.css";
import { CsrfField } from "../csrf-field";

export const dynamic = "force-dynamic";

/** Settings: the addresses the user sends as, their names, Reply-To and signatures. */
export default async function IdentitiesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const session = await requireMailSession();
  const notice = readNotice(await searchParams);
  const identities = await listIdentities(session.email);
  const t = await getTranslations("identities");
  return (
    <SettingsFrame email={session.email} title={t("title")} notice={notice} noticeTestId="identity-notice">
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
                  <span className={styles.hint}>{t.rich("openLink", { address: () => <span translate="no">{i.address}</span> })} </span>
                  <button type="submit" className={styles.secondary}>{t("resend")}</button>
                </form>
              )}
              <IdentityForm identity={i} submitLabel={t("save")} />
              {i.id !== "account" && (
                <form action={deleteIdentityAction}>
                  <CsrfField />
                  <input type="hidden" name="id" value={i.id} />
                  <button type="submit" className={styles.danger}>{t("delete")}</button>
                </form>
              )}
            </li>
          ))}
        </ul>
        <section className={styles.panel} aria-labelledby="new-identity">
          <h2 id="new-identity">{t("addTitle")}</h2>
          <IdentityForm identity={null} submitLabel={t("add")} />
        </section>
    </SettingsFrame>
  );
}
