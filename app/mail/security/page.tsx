import { getTranslations } from "next-intl/server";
import { readerDates } from "@/app/i18n/reader-dates";
import { requireMailSession } from "@/auth";
import { readNotice } from "@/lib/http/signed-notice";
import { enrolmentDisplay } from "@/lib/two-factor/enrolment-qr";
import { twoFactorStatus, pendingEnrolmentSecret } from "@/lib/two-factor/two-factor-store";
import { CsrfField } from "../csrf-field";
import { SettingsFrame } from "../settings-frame";
import { confirmTotpAction, disableTotpAction, newRecoveryCodesAction } from "./actions";
import { CodesForm } from "./codes-form";
import { AddPasskey } from "./add-passkey";
import { removePasskeyAction, renamePasskeyAction } from "./passkey-actions";
import { saveSignInAlertSettings } from "./actions";
import { listPasskeys } from "@/lib/passkeys/passkey-store";
import { getSettings } from "@/lib/settings/account-settings";
import { showSessionNetworks, signInAlerts } from "@/lib/auth/security-settings";
import styles from "../identities/identities.module.css";

export const dynamic = "force-dynamic";

/** Settings: two-factor sign-in (TOTP, passkeys), recovery codes, sign-in notices. */
export default async function SecurityPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const session = await requireMailSession();
  const query = await searchParams;
  const notice = readNotice(query);
  const [status, passkeys, [alerts, networks]] = await Promise.all([
    twoFactorStatus(session.email),
    listPasskeys(session.email),
    getSettings(session.email, [signInAlerts, showSessionNetworks] as const),
  ]);
  // The QR code only once asked for: showing it makes (or reuses) a pending secret.
  const secret = !status.enabled && query.setup === "1" ? await pendingEnrolmentSecret(session.email) : null;
  const display = secret ? await enrolmentDisplay(session.email, secret) : null;
  const [t, when] = await Promise.all([getTranslations("security"), readerDates()]);
  const day = (d: Date) => when(d, { dateStyle: "medium" });
  return (
    <SettingsFrame email={session.email} title={t("title")} notice={notice} noticeTestId="security-notice">
      <section className={styles.panel} aria-labelledby="two-factor">
        <h2 id="two-factor">{t("twoFactor")}</h2>
        {status.enabled ? (
          <>
            <p data-testid="two-factor-status">
              {t("on")} {t("codesLeft", { count: status.recoveryCodesLeft })}
            </p>
            <h3>{t("turnOffTitle")}</h3>
            <form action={disableTotpAction} className={styles.form}>
              <CsrfField />
              <label>
                {t("codeOrRecovery")}
                <input name="code" autoComplete="one-time-code" required maxLength={40} />
              </label>
              <button type="submit" className={styles.danger}>{t("turnOff")}</button>
            </form>
          </>
        ) : display ? (
          <div data-testid="totp-setup">
            <p>{t("scan")}</p>
            {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL, nothing to optimise */}
            <img className={styles.qr} src={display.qrDataUrl} alt={t("qrAlt")} width={200} height={200} />
            <p>
              {t("typeKey")} <code data-testid="totp-secret" translate="no">{display.typedSecret}</code>
            </p>
            <CodesForm action={confirmTotpAction} csrf={<CsrfField />} submitLabel={t("turnOn")} withCode />
          </div>
        ) : (
          <>
            <p data-testid="two-factor-status">{t("off")}</p>
            <a className={styles.button} href="/mail/security?setup=1">{t("setUp")}</a>
          </>
        )}
        <p className={styles.hint}>{t("scope")}</p>
      </section>
      <section className={styles.panel} aria-labelledby="passkeys">
        <h2 id="passkeys">{t("passkeys")}</h2>
        <p className={styles.hint}>{t("passkeysHint")}</p>
        {passkeys.length > 0 && (
          <ul className={styles.list} data-testid="passkeys">
            {passkeys.map((p) => (
              <li key={p.id} data-testid="passkey">
                <form action={renamePasskeyAction} className={styles.form}>
                  <CsrfField />
                  <input type="hidden" name="id" value={p.id} />
                  <label>
                    {t("passkeyName")}
                    <input name="name" defaultValue={p.name} required maxLength={60} />
                  </label>
                  <button type="submit" className={styles.secondary}>{t("rename")}</button>
                </form>
                <p className={styles.hint}>
                  {t("added", { when: day(p.createdAt) })} · {p.lastUsedAt ? t("lastUsed", { when: day(p.lastUsedAt) }) : t("notUsed")}
                </p>
                <form action={removePasskeyAction}>
                  <CsrfField />
                  <input type="hidden" name="id" value={p.id} />
                  <button type="submit" className={styles.danger} aria-label={t("removeLabel", { name: p.name })}>{t("remove")}</button>
                </form>
              </li>
            ))}
          </ul>
        )}
        <AddPasskey csrf={<CsrfField />} />
      </section>
      {(status.enabled || passkeys.length > 0) && (
        <section className={styles.panel} aria-labelledby="recovery">
          <h2 id="recovery">{t("recovery")}</h2>
          <p className={styles.hint} data-testid="recovery-status">
            {t("codesLeft", { count: status.recoveryCodesLeft })} {t("codesEach")}
          </p>
          <CodesForm action={newRecoveryCodesAction} csrf={<CsrfField />} submitLabel={t("newCodes")} withCode={false} />
        </section>
      )}
      <section className={styles.panel} aria-labelledby="sign-in-notices">
        <h2 id="sign-in-notices">{t("notices")}</h2>
        <form action={saveSignInAlertSettings} className={styles.form}>
          <CsrfField />
          <label className={`${styles.check} ${styles.wide}`}>
            <input type="checkbox" name="signInAlerts" value="yes" defaultChecked={alerts} />
            {t("alerts")}
          </label>
          <label className={`${styles.check} ${styles.wide}`}>
            <input type="checkbox" name="showSessionNetworks" value="yes" defaultChecked={networks} />
            {t("networks")}
          </label>
          <p className={`${styles.hint} ${styles.wide}`}>{t("networksHint")}</p>
          <button type="submit" className={styles.button}>{t("save")}</button>
        </form>
      </section>
    </SettingsFrame>
  );
}
