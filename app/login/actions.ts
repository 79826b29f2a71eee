"use server";
// Signing in is the one server action without a session, so without the session's CSRF token
// (app/mail/session-action.ts). What a forged sign-in could do is sign the browser in to an
// account whose password the forger knows ("login CSRF"). Against that the action checks the
// Origin itself, strictly: Next's check lets a request without an Origin through. A token made
// before sign-in would have to be tied to a cookie, and a same-site page (another port of the
// host, a sibling subdomain) can set cookies for Postern's host, so it would stop nothing the
// Origin check does not. Browsers send Origin on every cross-origin POST, forms included.
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { AuthError, CredentialsSignin } from "next-auth";
import { getTranslations } from "next-intl/server";
import type { SignInErrorCode } from "@/auth";
import { deviceCookie, passkeyFirstCookie, pendingSignInCookie } from "@/lib/auth/auth-cookies";
import { openPasskeyFirst, PENDING_SIGN_IN_TTL_MS, sealPassedSignIn, sealPendingSignIn } from "@/lib/auth/pending-sign-in";
import { checkPassword, normalizeLogin } from "@/lib/auth/sign-in";
import { getConfig } from "@/lib/env";
import { isPosternError } from "@/lib/http/errors";
import { isHttpsRequest } from "@/lib/http/request-origin";
import { safeReturnPath } from "@/lib/http/return-path";
import { isOwnOrigin } from "@/lib/http/same-origin";
import { secondStepFor } from "@/lib/two-factor/second-step";
import { completeSignIn } from "./complete-sign-in";

export type LoginState = { error: string | null; email: string };

/** What the sign-in page says for each failure, in the reader's language (messages/*.json "signIn.errors"). */
async function message(code: SignInErrorCode | "not_own_origin" | "failed"): Promise<string> {
  return (await getTranslations("signIn.errors"))(code);
}

const SIGN_IN_CODES: Record<SignInErrorCode, true> = { invalid_credentials: true, imap_unavailable: true, rate_limited: true, bad_request: true, second_factor: true };

const ERROR_CODES: Record<string, SignInErrorCode> = { INVALID_CREDENTIALS: "invalid_credentials", RATE_LIMITED: "rate_limited", IMAP_UNAVAILABLE: "imap_unavailable" };

export async function login(_prev: LoginState, form: FormData): Promise<LoginState> {
  const email = String(form.get("email") ?? "");
  const password = String(form.get("password") ?? "");
  const requestHeaders = await headers();
  if (!isOwnOrigin(requestHeaders)) return { email, error: await message("not_own_origin") };
  const redirectTo = safeReturnPath(form.get("next")) ?? "/mail";
  const account = normalizeLogin(email, getConfig().LOGIN_DOMAIN);
  const passkeyFirst = await passkeyFirstFor(account);
  const step = email.trim() && password && !passkeyFirst ? await secondStepFor(account) : null;
  if (passkeyFirst) {
    if (!password) return { email, error: await message("bad_request") };
    // The passkey was this account's second factor, given first: the password is all that is left.
    try {
      const checked = await checkPassword({ email, password, ...clientOf(requestHeaders), deviceCookie: await deviceCookieValue() });
      await checked.client.logout().catch(() => undefined);
    } catch (e) {
      const code = isPosternError(e) ? ERROR_CODES[e.code] : undefined;
      if (code) return { email, error: await message(code) };
      throw e;
    }
    await clearPasskeyFirst();
    return finish(email, { ticket: sealPassedSignIn({ email: account, pass: password }) }, passkeyFirst.next ?? redirectTo);
  }
  if (step) {
    // Password first, as for everyone; then nothing is kept but the sealed cookie of the second step.
    try {
      const checked = await checkPassword({ email, password, ...clientOf(requestHeaders), deviceCookie: await deviceCookieValue() });
      await checked.client.logout().catch(() => undefined);
      const cookie = pendingSignInCookie(isHttpsRequest(requestHeaders));
      (await cookies()).set(cookie.name, sealPendingSignIn({ email: checked.email, pass: password, step, next: redirectTo }), {
        ...cookie.options,
        maxAge: PENDING_SIGN_IN_TTL_MS / 1000,
      });
    } catch (e) {
      const code = isPosternError(e) ? ERROR_CODES[e.code] : undefined;
      if (code) return { email, error: await message(code) };
      throw e;
    }
    redirect("/login/verify");
  }
  return finish(email, { email, password }, redirectTo);
}

async function finish(email: string, fields: Record<string, string>, redirectTo: string): Promise<LoginState> {
  try {
    await completeSignIn({ account: normalizeLogin(email, getConfig().LOGIN_DOMAIN), fields, redirectTo });
  } catch (e) {
    // A successful signIn throws Next's redirect, which must propagate.
    if (e instanceof CredentialsSignin) {
      return { email, error: await message(e.code in SIGN_IN_CODES ? (e.code as SignInErrorCode) : "invalid_credentials") };
    }
    if (e instanceof AuthError) return { email, error: await message("failed") };
    throw e;
  }
  return { email, error: null };
}

const clientOf = (h: Headers) => ({ clientIp: h.get("x-postern-client-ip"), userAgent: h.get("user-agent") });

async function deviceCookieValue(): Promise<string | null> {
  return (await cookies()).get(deviceCookie(isHttpsRequest(await headers())).name)?.value ?? null;
}

/** The passkey-first sign-in waiting for this account's password, if the browser has one. */
async function passkeyFirstFor(account: string) {
  const pending = openPasskeyFirst((await cookies()).get(passkeyFirstCookie(isHttpsRequest(await headers())).name)?.value);
  return pending && pending.email.toLowerCase() === account.trim().toLowerCase() ? pending : null;
}

async function clearPasskeyFirst(): Promise<void> {
  const cookie = passkeyFirstCookie(isHttpsRequest(await headers()));
  (await cookies()).set(cookie.name, "", { ...cookie.options, maxAge: 0 });
}
