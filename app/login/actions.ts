"use server";
// Signing in is the one server action without a session, so without the session's CSRF token
// (app/mail/session-action.ts). What a forged sign-in could do is sign the browser in to an
// account whose password the forger knows ("login CSRF"). Against that the action checks the
// Origin itself, strictly: Next's check lets a request without an Origin through. A token made
// before sign-in would have to be tied to a cookie, and a same-site page (another port of the
// host, a sibling subdomain) can set cookies for Postern's host, so it would stop nothing the
// Origin check does not. Browsers send Origin on every cross-origin POST, forms included.
import { headers } from "next/headers";
import { AuthError, CredentialsSignin } from "next-auth";
import { signIn, type SignInErrorCode } from "@/auth";
import { safeReturnPath } from "@/lib/http/return-path";
import { isOwnOrigin } from "@/lib/http/same-origin";

export type LoginState = { error: string | null; email: string };

const MESSAGES: Record<SignInErrorCode, string> = {
  invalid_credentials: "Wrong email address or password.",
  imap_unavailable: "The mail server cannot be reached right now. Please try again in a moment.",
  rate_limited: "Too many failed sign-in attempts. Please wait at least 15 minutes before trying again (longer after repeated lockouts).",
  bad_request: "Please enter your email address and password.",
};

export async function login(_prev: LoginState, form: FormData): Promise<LoginState> {
  const email = String(form.get("email") ?? "");
  if (!isOwnOrigin(await headers())) return { email, error: "This sign-in did not come from Postern's own page. Reload the page and try again." };
  try {
    const redirectTo = safeReturnPath(form.get("next")) ?? "/mail";
    await signIn("credentials", { email, password: String(form.get("password") ?? ""), redirectTo });
  } catch (e) {
    // A successful signIn throws Next's redirect, which must propagate.
    if (e instanceof CredentialsSignin) {
      return { email, error: MESSAGES[e.code as SignInErrorCode] ?? MESSAGES.invalid_credentials };
    }
    if (e instanceof AuthError) return { email, error: "Sign-in failed. Please try again." };
    throw e;
  }
  return { email, error: null };
}
