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

const day = (d: Date) => d.toLocaleDateString("en-GB", { timeZone: "UTC", day: "numeric", month: "short", year: "numeric" });

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
  return (
    <SettingsFrame email={session.email} title="Sign-in security" notice={notice} noticeTestId="security-notice">
      <section className={styles.panel} aria-labelledby="two-factor">
        <h2 id="two-factor">Two-factor sign-in</h2>
        {status.enabled ? (
          <>
            <p data-testid="two-factor-status">
              On: signing in to Postern asks for a code from your authenticator app after your password.{" "}
              {status.recoveryCodesLeft} recovery code{status.recoveryCodesLeft === 1 ? "" : "s"} left.
            </p>
            <h3>Turn off</h3>
            <form action={disableTotpAction} className={styles.form}>
              <CsrfField />
              <label>
                Code from your app, or a recovery code
                <input name="code" autoComplete="one-time-code" required maxLength={40} />
              </label>
              <button type="submit" className={styles.danger}>Turn off two-factor sign-in</button>
            </form>
          </>
        ) : display ? (
          <div data-testid="totp-setup">
            <p>Scan this code with an authenticator app (any app for “TOTP” codes), then enter the code it shows.</p>
            {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL, nothing to optimise */}
            <img className={styles.qr} src={display.qrDataUrl} alt="QR code for your authenticator app" width={200} height={200} />
            <p>
              Or type this key into the app: <code data-testid="totp-secret">{display.typedSecret}</code>
            </p>
            <CodesForm action={confirmTotpAction} csrf={<CsrfField />} submitLabel="Turn on" withCode />
          </div>
        ) : (
          <>
            <p data-testid="two-factor-status">Off: your password alone signs you in to Postern.</p>
            <a className={styles.button} href="/mail/security?setup=1">Set up an authenticator app</a>
          </>
        )}
        <p className={styles.hint}>
          This protects signing in to Postern. Your mail server may still accept the password by itself from other mail programs; ask
          your administrator about app passwords.
        </p>
      </section>
      <section className={styles.panel} aria-labelledby="passkeys">
        <h2 id="passkeys">Passkeys and security keys</h2>
        <p className={styles.hint}>
          After your password, Postern accepts any of these instead of a code. You can also start with a passkey (“Use a passkey instead” on the sign-in page): then only your password is asked after it, because Postern needs the password to open your mailbox.
        </p>
        {passkeys.length > 0 && (
          <ul className={styles.list} data-testid="passkeys">
            {passkeys.map((p) => (
              <li key={p.id} data-testid="passkey">
                <form action={renamePasskeyAction} className={styles.form}>
                  <CsrfField />
                  <input type="hidden" name="id" value={p.id} />
                  <label>
                    Name
                    <input name="name" defaultValue={p.name} required maxLength={60} />
                  </label>
                  <button type="submit" className={styles.secondary}>Rename</button>
                </form>
                <p className={styles.hint}>
                  Added {day(p.createdAt)} · {p.lastUsedAt ? `last used ${day(p.lastUsedAt)}` : "not used yet"}
                </p>
                <form action={removePasskeyAction}>
                  <CsrfField />
                  <input type="hidden" name="id" value={p.id} />
                  <button type="submit" className={styles.danger} aria-label={`Remove passkey ${p.name}`}>Remove</button>
                </form>
              </li>
            ))}
          </ul>
        )}
        <AddPasskey csrf={<CsrfField />} />
      </section>
      {(status.enabled || passkeys.length > 0) && (
        <section className={styles.panel} aria-labelledby="recovery">
          <h2 id="recovery">Recovery codes</h2>
          <p className={styles.hint} data-testid="recovery-status">
            {status.recoveryCodesLeft} recovery code{status.recoveryCodesLeft === 1 ? "" : "s"} left. Each signs you in once without your app or
            passkey.
          </p>
          <CodesForm action={newRecoveryCodesAction} csrf={<CsrfField />} submitLabel="Make new recovery codes" withCode={false} />
        </section>
      )}
      <section className={styles.panel} aria-labelledby="sign-in-notices">
        <h2 id="sign-in-notices">Sign-in notices</h2>
        <form action={saveSignInAlertSettings} className={styles.form}>
          <CsrfField />
          <label className={`${styles.check} ${styles.wide}`}>
            <input type="checkbox" name="signInAlerts" value="yes" defaultChecked={alerts} />
            Put a message in my Inbox when a browser that has not signed in to this account before signs in (time, browser, address)
          </label>
          <label className={`${styles.check} ${styles.wide}`}>
            <input type="checkbox" name="showSessionNetworks" value="yes" defaultChecked={networks} />
            Show the network each session signed in from under Devices and sessions
          </label>
          <p className={`${styles.hint} ${styles.wide}`}>
            Postern has no map of addresses to places: it shows the network part of the address (for example 203.0.113.x), which your
            provider or a lookup service can place.
          </p>
          <button type="submit" className={styles.button}>Save</button>
        </form>
      </section>
    </SettingsFrame>
  );
}
