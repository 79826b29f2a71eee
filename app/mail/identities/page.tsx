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
  return (
    <SettingsFrame email={session.email} title="Identities and signatures" notice={notice} noticeTestId="identity-notice">
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
                  <span className={styles.hint}>Open the link mailed to {i.address} while signed in here. </span>
                  <button type="submit" className={styles.secondary}>Send the link again</button>
                </form>
              )}
              <IdentityForm identity={i} submitLabel="Save" />
              {i.id !== "account" && (
                <form action={deleteIdentityAction}>
                  <CsrfField />
                  <input type="hidden" name="id" value={i.id} />
                  <button type="submit" className={styles.danger}>Delete</button>
                </form>
              )}
            </li>
          ))}
        </ul>
        <section className={styles.panel} aria-labelledby="new-identity">
          <h2 id="new-identity">Add an identity</h2>
          <IdentityForm identity={null} submitLabel="Add identity" />
        </section>
    </SettingsFrame>
  );
}
