"use server";
// The second sign-in step (lib/two-factor/second-step.ts): the pending sign-in's sealed cookie
// and a code. Like the password step it has no session yet, so it checks the Origin strictly
// (app/login/actions.ts says why).
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { openPendingSignIn } from "@/lib/auth/pending-sign-in";
import { errorText } from "@/app/i18n/error-text";
import { noticeKey } from "@/app/i18n/notice-key";
import { isPosternError } from "@/lib/http/errors";
import { noticeUrl } from "@/lib/http/signed-notice";
import { isOwnOrigin } from "@/lib/http/same-origin";
import { passSecondStep } from "@/lib/two-factor/second-step";
import { finishPendingSignIn, pendingCookie } from "../finish-pending-sign-in";

export type VerifyState = { error: string | null };

const codeSchema = z.string().trim().min(6).max(40);

export async function verifySecondFactor(_prev: VerifyState, form: FormData): Promise<VerifyState> {
  if (!isOwnOrigin(await headers())) return { error: noticeKey("notOwnPage") };
  const cookie = await pendingCookie();
  const pending = openPendingSignIn(cookie.value);
  if (!pending) redirect("/login?reason=timeout");
  const code = codeSchema.safeParse(form.get("code"));
  if (!code.success) return { error: noticeKey("enterSixDigits") };
  let redirectTo = pending.next ?? "/mail";
  try {
    const result = await passSecondStep(pending.email, pending.step, code.data);
    if (pending.step === "enrol") redirectTo = noticeUrl("/mail/security", { kind: "ok", text: noticeKey("totpOnAtSignIn") });
    if (result.method === "recovery") {
      const text = noticeKey("signedInWithRecovery", { count: result.remaining });
      redirectTo = noticeUrl("/mail/security", { kind: result.remaining > 2 ? "ok" : "error", text });
    }
  } catch (e) {
    if (isPosternError(e)) return { error: await errorText(e) };
    throw e;
  }
  cookie.clear();
  return finishPendingSignIn(pending, redirectTo);
}

/** "Use another account": forgets the pending sign-in. */
export async function cancelSignIn(): Promise<void> {
  (await pendingCookie()).clear();
  redirect("/login");
}
