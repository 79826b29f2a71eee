"use server";
// Two-factor settings. Recovery codes come back in the form's state (sessionStateAction), never
// in a URL or a cookie: they are shown once.
import { redirect } from "next/navigation";
import { z } from "zod";
import { errorText } from "@/app/i18n/error-text";
import { noticeKey } from "@/app/i18n/notice-key";
import { noticeUrl } from "@/lib/http/signed-notice";
import { CSRF_REFUSED, sessionAction, sessionStateAction } from "../session-action";
import { isPosternError } from "@/lib/http/errors";
import { passSecondStep } from "@/lib/two-factor/second-step";
import { confirmEnrolment, disableTwoFactor, regenerateRecoveryCodes } from "@/lib/two-factor/two-factor-store";
import { setSetting } from "@/lib/settings/account-settings";
import { showSessionNetworks, signInAlerts } from "@/lib/auth/security-settings";
import type { CodesState } from "./codes-state";

const code = z.string().trim().min(6).max(40);
const refused: CodesState = { error: CSRF_REFUSED, codes: null, message: null };

export const confirmTotpAction = sessionStateAction<CodesState>(refused, async (session, form) => {
  const typed = code.safeParse(form.get("code"));
  if (!typed.success || !(await confirmEnrolment(session.email, typed.data))) {
    return { error: noticeKey("totpWrong"), codes: null, message: null };
  }
  return { error: null, codes: await regenerateRecoveryCodes(session.email), message: noticeKey("totpOn") };
});

export const newRecoveryCodesAction = sessionStateAction<CodesState>(refused, async (session) => ({
  error: null,
  codes: await regenerateRecoveryCodes(session.email),
  message: noticeKey("newRecoveryCodes"),
}));

/** Turning it off takes a current code (or a recovery code), not just an open session. */
export const disableTotpAction = sessionAction("/mail/security", async (session, form) => {
  const typed = code.safeParse(form.get("code"));
  let text = noticeKey("enterCode");
  if (typed.success) {
    try {
      await passSecondStep(session.email, "verify", typed.data);
      await disableTwoFactor(session.email);
      redirect(noticeUrl("/mail/security", { kind: "ok", text: noticeKey("totpOff") }));
    } catch (e) {
      if (!isPosternError(e)) throw e;
      text = await errorText(e);
    }
  }
  redirect(noticeUrl("/mail/security", { kind: "error", text }));
});

/** Sign-in alerts and session networks (lib/auth/security-settings.ts say why both start off). */
export const saveSignInAlertSettings = sessionAction("/mail/security", async (session, form) => {
  await setSetting(session.email, signInAlerts, form.get("signInAlerts") === "yes");
  await setSetting(session.email, showSessionNetworks, form.get("showSessionNetworks") === "yes");
  redirect(noticeUrl("/mail/security", { kind: "ok", text: noticeKey("signInNoticesSaved") }));
});
