import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getMailSession } from "@/auth";
import { passkeyFirstCookie } from "@/lib/auth/auth-cookies";
import { openPasskeyFirst } from "@/lib/auth/pending-sign-in";
import { isHttpsRequest } from "@/lib/http/request-origin";
import { safeReturnPath } from "@/lib/http/return-path";
import { LoginForm } from "./login-form";
import { cancelPasskeyFirst } from "./passkey-actions";
import { PasskeyButton } from "./passkey-button";

const NOTICES = ["expired", "signedout", "timeout", "changed"] as const;
const isNotice = (reason: string | undefined): reason is (typeof NOTICES)[number] => (NOTICES as readonly string[]).includes(reason ?? "");

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ reason?: string; next?: string }> }) {
  const { reason, next } = await searchParams;
  const returnTo = safeReturnPath(next);
  const t = await getTranslations("signIn");
  if (await getMailSession()) redirect(returnTo ?? "/mail");
  // Passkey-first: the passkey named the account; Postern still needs its password for IMAP.
  const passkeyFirst = openPasskeyFirst((await cookies()).get(passkeyFirstCookie(isHttpsRequest(await headers())).name)?.value);
  return (
    <main className="login-page" aria-labelledby="login-title">
      <div className="login-card">
        <h1 className="brand" id="login-title">Postern</h1>
        {passkeyFirst ? (
          <>
            <p className="tagline" data-testid="passkey-first-account">
              {t("passkeyAccepted", { email: passkeyFirst.email })}
            </p>
            {/* A fresh form (key): the one on screen before the passkey holds the typed, empty address. */}
            <LoginForm key={passkeyFirst.email} notice={null} next={passkeyFirst.next ?? returnTo} account={passkeyFirst.email} />
            <form action={cancelPasskeyFirst} className="login-alt">
              <button type="submit" className="link-button">{t("anotherAccount")}</button>
            </form>
          </>
        ) : (
          <>
            <p className="tagline">{t("tagline")}</p>
            <LoginForm notice={isNotice(reason) ? t(`notices.${reason}`) : null} next={returnTo} />
            <PasskeyButton mode="first" next={returnTo} label={t("usePasskey")} />
          </>
        )}
      </div>
    </main>
  );
}
