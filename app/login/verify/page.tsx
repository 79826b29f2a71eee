import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { pendingSignInCookie } from "@/lib/auth/auth-cookies";
import { openPendingSignIn } from "@/lib/auth/pending-sign-in";
import { isHttpsRequest } from "@/lib/http/request-origin";
import { enrolmentDisplay } from "@/lib/two-factor/enrolment-qr";
import { secondFactorsOf } from "@/lib/two-factor/second-step";
import { pendingEnrolmentSecret } from "@/lib/two-factor/two-factor-store";
import { PasskeyButton } from "../passkey-button";
import { VerifyForm } from "./verify-form";

export const dynamic = "force-dynamic";

/** The second sign-in step, after the password: a code, or (REQUIRE_2FA) setting up an app first. */
export default async function VerifyPage() {
  const cookie = pendingSignInCookie(isHttpsRequest(await headers()));
  const pending = openPendingSignIn((await cookies()).get(cookie.name)?.value);
  if (!pending) redirect("/login?reason=timeout");
  // Enrolment at sign-in: the secret waits in the database, so a reload shows the same QR code.
  const secret = pending.step === "enrol" ? await pendingEnrolmentSecret(pending.email) : null;
  const display = secret ? await enrolmentDisplay(pending.email, secret) : null;
  const factors = await secondFactorsOf(pending.email);
  const t = await getTranslations("verify");
  return (
    <main className="login-page">
      <div className="login-card">
        <h1 className="brand">Postern</h1>
        <p className="tagline" translate="no">{pending.email}</p>
        {display ? (
          <section data-testid="enrol-at-sign-in">
            <p>{t("enrol")}</p>
            {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL, nothing to optimise */}
            <img src={display.qrDataUrl} alt={t("qrAlt")} width={200} height={200} />
            <p>
              {t("typeKey")} <code data-testid="totp-secret" translate="no">{display.typedSecret}</code>
            </p>
          </section>
        ) : factors.passkeys > 0 ? (
          <>
            <p>{t("passkey")}</p>
            <PasskeyButton mode="step" label={t("usePasskey")} />
            <p className="form-notice">{factors.totp ? t("orCode") : t("orRecovery")}</p>
          </>
        ) : (
          <p>{t("enterCode")}</p>
        )}
        <VerifyForm enrol={display !== null} />
      </div>
    </main>
  );
}
