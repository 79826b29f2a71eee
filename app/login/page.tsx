import { redirect } from "next/navigation";
import { getMailSession } from "@/auth";
import { LoginForm } from "./login-form";

const NOTICES: Record<string, string> = {
  expired: "Your session ended after a period of inactivity. Please sign in again.",
  signedout: "You have signed out.",
};

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ reason?: string }> }) {
  if (await getMailSession()) redirect("/mail");
  const { reason } = await searchParams;
  return (
    <main className="login-page">
      <div className="login-card">
        <h1 className="brand">Postern</h1>
        <p className="tagline">Sign in with your mail account</p>
        <LoginForm notice={(reason && NOTICES[reason]) || null} />
      </div>
    </main>
  );
}
