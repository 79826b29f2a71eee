// The second sign-in step: which one an account has (none, a code, or enrolment because the admin
// requires it), and passing it under its own limit.
import { getConfig } from "@/lib/env";
import { PosternError } from "@/lib/http/errors";
import { countPasskeys } from "@/lib/passkeys/passkey-store";
import { isTwoFactorRequired } from "./require-two-factor";
import { clearSecondFactorFailures, recordSecondFactorFailure, secondFactorWaitSeconds } from "./second-factor-throttle";
import { confirmEnrolment, twoFactorStatus, useSecondFactor, type SecondFactorResult } from "./two-factor-store";

/** "verify": a passkey, a TOTP or a recovery code; "enrol": set TOTP up now (REQUIRE_2FA) before any mail. */
export type SecondStep = "verify" | "enrol";

/** The second factors an account has: what the second step can offer. */
export type SecondFactors = { totp: boolean; passkeys: number };

export async function secondFactorsOf(email: string): Promise<SecondFactors> {
  const [status, passkeys] = await Promise.all([twoFactorStatus(email), countPasskeys(email)]);
  return { totp: status.enabled, passkeys };
}

export async function secondStepFor(email: string): Promise<SecondStep | null> {
  const factors = await secondFactorsOf(email);
  if (factors.totp || factors.passkeys > 0) return "verify";
  return isTwoFactorRequired(email, getConfig().REQUIRE_2FA) ? "enrol" : null;
}

function waitText(seconds: number): string {
  return seconds >= 90 ? `${Math.ceil(seconds / 60)} minutes` : `${seconds} seconds`;
}

/**
 * Passes the step with `code`: a code of the pending enrolment, or of the enabled TOTP, or a
 * recovery code.
 * @throws PosternError RATE_LIMITED (too many wrong codes) | INVALID_CREDENTIALS (wrong or used code)
 */
export async function passSecondStep(email: string, step: SecondStep, code: string, now = new Date()): Promise<Extract<SecondFactorResult, { ok: true }>> {
  const wait = await secondFactorWaitSeconds(email, now);
  if (wait > 0) throw new PosternError("RATE_LIMITED", `Too many wrong codes. Try again in ${waitText(wait)}.`);
  const result: SecondFactorResult = step === "enrol" ? ((await confirmEnrolment(email, code, now)) ? { ok: true, method: "totp" } : { ok: false }) : await useSecondFactor(email, code, now);
  if (!result.ok) {
    await recordSecondFactorFailure(email, now);
    throw new PosternError("INVALID_CREDENTIALS", "That code is not right, or it was already used. Codes change every 30 seconds; wait for the next one.");
  }
  await clearSecondFactorFailures(email);
  return result;
}
