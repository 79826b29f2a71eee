"use server";
// The second sign-in step (lib/two-factor/second-step.ts): the pending sign-in's sealed cookie
// and a code. Like the password step it has no session yet, so it checks the Origin strictly
// (app/login/actions.ts says why).
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { openPendingSignIn } from "@/lib/auth/pending-sign-in";
import { isPosternError } from "@/lib/http/errors";
import { noticeUrl } from "@/lib/http/signed-notice";
import { isOwnOrigin } from "@/lib/http/same-origin";
import { passSecondStep } from "@/lib/two-factor/second-step";
import { finishPendingSignIn, pendingCookie } from "../finish-pending-sign-in";

export type VerifyState = { error: string | null };

const codeSchema = z.string().trim().min(6).max(40);

export async function verifySecondFactor(_prev: VerifyState, form: FormData): Promise<VerifyState> {
  if (!isOwnOrigin(await headers())) return { error: "This form did not come from Postern's own page. Reload the page and try again." };
  const cookie = await pendingCookie();
  const pending = openPendingSignIn(cookie.value);
  if (!pending) redirect("/login?reason=timeout");
  const code = codeSchema.safeParse(form.get("code"));
  if (!code.success) return { error: "Please enter the 6-digit code from your app, or a recovery code." };
  let redirectTo = pending.next ?? "/mail";
  try {
    const result = await passSecondStep(pending.email, pending.step, code.data);
    if (pending.step === "enrol") redirectTo = noticeUrl("/mail/security", { kind: "ok", text: "Two-factor sign-in is on. Now make your recovery codes, and keep them somewhere safe." });
    if (result.method === "recovery") {
      const left = result.remaining === 1 ? "1 recovery code is" : `${result.remaining} recovery codes are`;
      redirectTo = noticeUrl("/mail/security", { kind: result.remaining > 2 ? "ok" : "error", text: `You signed in with a recovery code. ${left} left.` });
    }
  } catch (e) {
    if (isPosternError(e)) return { error: e.message };
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
