// The pending sign-in's cookie (password checked, second factor not yet) and finishing it, shared
// by the code and passkey forms of the second step. Not an action module: nothing here may be
// callable from the browser with arguments of its choosing.
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { AuthError, CredentialsSignin } from "next-auth";
import { pendingSignInCookie } from "@/lib/auth/auth-cookies";
import { sealPassedSignIn, type PendingSignIn } from "@/lib/auth/pending-sign-in";
import { isHttpsRequest } from "@/lib/http/request-origin";
import { completeSignIn } from "./complete-sign-in";

export async function pendingCookie() {
  const cookie = pendingSignInCookie(isHttpsRequest(await headers()));
  const jar = await cookies();
  return { value: jar.get(cookie.name)?.value, clear: () => jar.set(cookie.name, "", { ...cookie.options, maxAge: 0 }) };
}

/** Opens the session of a pending sign-in whose second factor was just passed. */
export async function finishPendingSignIn(pending: PendingSignIn, redirectTo: string): Promise<{ error: string | null }> {
  try {
    await completeSignIn({ account: pending.email, fields: { ticket: sealPassedSignIn({ email: pending.email, pass: pending.pass }) }, redirectTo });
  } catch (e) {
    // A successful sign-in throws Next's redirect, which must propagate.
    if (e instanceof CredentialsSignin) redirect("/login?reason=changed");
    if (e instanceof AuthError) return { error: "Sign-in failed. Please try again." };
    throw e;
  }
  return { error: null };
}

