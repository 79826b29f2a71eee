import { redirect } from "next/navigation";
import { getMailSession } from "@/auth";
import { safeReturnPath } from "@/lib/http/return-path";
import { LoginForm } from "./login-form";

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
  return (
    <main className="login-page">
      <div className="login-card">
        <h1 className="brand">Postern</h1>
        <p className="tagline">Sign in with your mail account</p>
        <LoginForm notice={(reason && NOTICES[reason]) || null} next={returnTo} />
      </div>
    </main>
  );
}
