"use server";
// Passkeys at sign-in, before any session: as the second step of a pending sign-in (its sealed
// cookie names the account), or passkey-first (the passkey names the account, and the password
// is asked next, since Postern needs it for IMAP; no other second factor is asked then). Each
// checks the Origin strictly, as the password step does (app/login/actions.ts says why).
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import type { PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";
import { passkeyFirstCookie } from "@/lib/auth/auth-cookies";
import { openPendingSignIn, PENDING_SIGN_IN_TTL_MS, sealPasskeyFirst } from "@/lib/auth/pending-sign-in";
import { errorText } from "@/app/i18n/error-text";
import { noticeKey } from "@/app/i18n/notice-key";
import { isPosternError } from "@/lib/http/errors";
import { isHttpsRequest } from "@/lib/http/request-origin";
import { safeReturnPath } from "@/lib/http/return-path";
import { isOwnOrigin } from "@/lib/http/same-origin";
import { passkeySignInOptions, verifyPasskeySignIn } from "@/lib/passkeys/authenticate-passkey";
import { relyingParty } from "@/lib/passkeys/relying-party";
import { authenticationResponseSchema, challengeIdSchema } from "@/lib/passkeys/response-schema";
import { finishPendingSignIn, pendingCookie } from "./finish-pending-sign-in";

export type PasskeyOptionsResult = { error: string } | { challengeId: string; options: PublicKeyCredentialRequestOptionsJSON };
export type PasskeyResult = { error: string | null; email?: string };

// Errors travel as catalog notices (app/i18n/notice-key.ts) or in the request's language: the
// button shows them with NoticeText.
const NOT_OURS = noticeKey("signInNotOurs");
const BAD_ANSWER = noticeKey("passkeyBadAnswer");
const TOO_LONG = noticeKey("signInTooLong");

async function failure(e: unknown): Promise<{ error: string }> {
  if (isPosternError(e)) return { error: await errorText(e) };
  throw e;
}

/** Options for passkey-first sign-in: any passkey the browser holds for Postern. */
export async function passkeyFirstOptions(): Promise<PasskeyOptionsResult> {
  const h = await headers();
  if (!isOwnOrigin(h)) return { error: NOT_OURS };
  return passkeySignInOptions(null, relyingParty(h)).catch(failure);
}

/** Passkey-first: the passkey is checked; the browser keeps a sealed note of the account it named,
 * and the sign-in page then asks that account's password. */
export async function passkeyFirstVerify(challengeId: unknown, response: unknown, next: unknown): Promise<PasskeyResult> {
  const h = await headers();
  if (!isOwnOrigin(h)) return { error: NOT_OURS };
  const id = challengeIdSchema.safeParse(challengeId);
  const answer = authenticationResponseSchema.safeParse(response);
  if (!id.success || !answer.success) return { error: BAD_ANSWER };
  try {
    const email = await verifyPasskeySignIn({ account: null, rp: relyingParty(h), challengeId: id.data, response: answer.data });
    const cookie = passkeyFirstCookie(isHttpsRequest(h));
    (await cookies()).set(cookie.name, sealPasskeyFirst({ email, next: safeReturnPath(next) }), { ...cookie.options, maxAge: PENDING_SIGN_IN_TTL_MS / 1000 });
    return { error: null, email };
  } catch (e) {
    return failure(e);
  }
}

/** Forgets a passkey-first sign-in ("Use another account"). */
export async function cancelPasskeyFirst(): Promise<void> {
  const cookie = passkeyFirstCookie(isHttpsRequest(await headers()));
  (await cookies()).set(cookie.name, "", { ...cookie.options, maxAge: 0 });
  redirect("/login");
}

/** Options for the second step: the pending sign-in's account's passkeys. */
export async function passkeyStepOptions(): Promise<PasskeyOptionsResult> {
  const h = await headers();
  if (!isOwnOrigin(h)) return { error: NOT_OURS };
  const pending = openPendingSignIn((await pendingCookie()).value);
  if (!pending) return { error: TOO_LONG };
  return passkeySignInOptions(pending.email, relyingParty(h)).catch(failure);
}

/** The second step passed with a passkey: the session opens (and the browser is redirected). */
export async function passkeyStepVerify(challengeId: unknown, response: unknown): Promise<PasskeyResult> {
  const h = await headers();
  if (!isOwnOrigin(h)) return { error: NOT_OURS };
  const cookie = await pendingCookie();
  const pending = openPendingSignIn(cookie.value);
  if (!pending) return { error: TOO_LONG };
  const id = challengeIdSchema.safeParse(challengeId);
  const answer = authenticationResponseSchema.safeParse(response);
  if (!id.success || !answer.success) return { error: BAD_ANSWER };
  try {
    await verifyPasskeySignIn({ account: pending.email, rp: relyingParty(h), challengeId: id.data, response: answer.data });
  } catch (e) {
    return failure(e);
  }
  cookie.clear();
  return finishPendingSignIn(pending, pending.next ?? "/mail");
}
