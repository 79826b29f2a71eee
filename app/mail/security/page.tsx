import { requireMailSession } from "@/auth";
import { readNotice } from "@/lib/http/signed-notice";
import { enrolmentDisplay } from "@/lib/two-factor/enrolment-qr";
import { twoFactorStatus, pendingEnrolmentSecret } from "@/lib/two-factor/two-factor-store";
import { CsrfField } from "../csrf-field";
import { SettingsFrame } from "../settings-frame";
import { confirmTotpAction, disableTotpAction, newRecoveryCodesAction } from "./actions";
import { CodesForm } from "./codes-form";
import styles from "../identities/identities.module.css";

export const dynamic = "force-dynamic";

/** Settings: two-factor sign-in (TOTP) and its recovery codes. */
export default async function SecurityPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const session = await requireMailSession();
  const query = await searchParams;
  const notice = readNotice(query);
  const status = await twoFactorStatus(session.email);
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
            <h3>Recovery codes</h3>
            <CodesForm action={newRecoveryCodesAction} csrf={<CsrfField />} submitLabel="Make new recovery codes" withCode={false} />
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
    </SettingsFrame>
  );
}
