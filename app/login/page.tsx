import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { getMailSession } from "@/auth";
import { passkeyFirstCookie } from "@/lib/auth/auth-cookies";
import { openPasskeyFirst } from "@/lib/auth/pending-sign-in";
import { isHttpsRequest } from "@/lib/http/request-origin";
import { safeReturnPath } from "@/lib/http/return-path";
import { LoginForm } from "./login-form";
import { cancelPasskeyFirst } from "./passkey-actions";
import { PasskeyButton } from "./passkey-button";

const NOTICES: Record<string, string> = {
  expired: "Your session ended after a period of inactivity. Please sign in again.",
  signedout: "You have signed out.",
  timeout: "The sign-in took too long. Please enter your password again.",
  changed: "Your password no longer works. Please sign in again.",
};

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ reason?: string; next?: string }> }) {
  const { reason, next } = await searchParams;
  const returnTo = safeReturnPath(next);
  if (await getMailSession()) redirect(returnTo ?? "/mail");
  // Passkey-first: the passkey named the account; Postern still needs its password for IMAP.
  const passkeyFirst = openPasskeyFirst((await cookies()).get(passkeyFirstCookie(isHttpsRequest(await headers())).name)?.value);
  return (
    <main className="login-page">
      <div className="login-card">
        <h1 className="brand">Postern</h1>
        {passkeyFirst ? (
          <>
            <p className="tagline" data-testid="passkey-first-account">
              Passkey accepted for {passkeyFirst.email}. Now enter your mail password: Postern needs it to open your mailbox.
            </p>
            {/* A fresh form (key): the one on screen before the passkey holds the typed, empty address. */}
            <LoginForm key={passkeyFirst.email} notice={null} next={passkeyFirst.next ?? returnTo} account={passkeyFirst.email} />
            <form action={cancelPasskeyFirst} className="login-alt">
              <button type="submit" className="link-button">Use another account</button>
            </form>
          </>
        ) : (
          <>
            <p className="tagline">Sign in with your mail account</p>
            <LoginForm notice={(reason && NOTICES[reason]) || null} next={returnTo} />
            <PasskeyButton mode="first" next={returnTo} label="Use a passkey instead" />
          </>
        )}
      </div>
    </main>
  );
}
