"use server";
import { AuthError, CredentialsSignin } from "next-auth";
import { signIn, type SignInErrorCode } from "@/auth";
import { safeReturnPath } from "@/lib/http/return-path";

export type LoginState = { error: string | null; email: string };

const MESSAGES: Record<SignInErrorCode, string> = {
  invalid_credentials: "Wrong email address or password.",
  imap_unavailable: "The mail server cannot be reached right now. Please try again in a moment.",
  rate_limited: "Too many failed sign-in attempts. Please wait at least 15 minutes before trying again (longer after repeated lockouts).",
  bad_request: "Please enter your email address and password.",
};

export async function login(_prev: LoginState, form: FormData): Promise<LoginState> {
  const email = String(form.get("email") ?? "");
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
