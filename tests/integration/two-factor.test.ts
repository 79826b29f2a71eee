// Two-factor sign-in (issue 23) against the lab's real Dovecot and Postern's database: enrolment,
// the second step after a real IMAP password check, replay refused (also between two requests at
// once, as two processes would send them), recovery codes, the step's own back-off, and the
// admin's requirement. The browser flow (cookie, pages, Auth.js) is e2e/two-factor.spec.ts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPendingSignIn, sealPendingSignIn } from "@/lib/auth/pending-sign-in";
import { checkPassword } from "@/lib/auth/sign-in";
import { getDb } from "@/lib/db/client";
import { resetConfigForTests } from "@/lib/env";
import { passSecondStep, secondStepFor } from "@/lib/two-factor/second-step";
import { clearSecondFactorFailures } from "@/lib/two-factor/second-factor-throttle";
import { totpCodeAt } from "@/lib/two-factor/totp";
import { confirmEnrolment, disableTwoFactor, pendingEnrolmentSecret, regenerateRecoveryCodes, twoFactorStatus } from "@/lib/two-factor/two-factor-store";
import { BOB, freshIp, outcomeOf } from "./helpers";

const FRANK = { email: "frank@example.test", password: "frank-pass" };
const T0 = Date.now();
/** A moment `steps` 30-second steps from the start: each test's codes come from its own steps. */
const at = (steps: number) => new Date(T0 + steps * 30_000);
let secret = "";

beforeAll(async () => {
  for (const a of [FRANK.email, BOB.email]) {
    await disableTwoFactor(a);
    await clearSecondFactorFailures(a);
  }
});

afterAll(async () => {
  for (const a of [FRANK.email, BOB.email]) {
    await disableTwoFactor(a);
    await clearSecondFactorFailures(a);
  }
  delete process.env.REQUIRE_2FA;
  resetConfigForTests();
});

describe("two-factor sign-in", () => {
  it("enrols: the same secret until confirmed, on only after one good code", async () => {
    expect(await secondStepFor(FRANK.email)).toBeNull();
    secret = (await pendingEnrolmentSecret(FRANK.email))!;
    expect(await pendingEnrolmentSecret(FRANK.email)).toBe(secret);
    // The secret is not in the database in clear.
    const row = await getDb().twoFactor.findUnique({ where: { account: FRANK.email } });
    expect(row?.secret).not.toContain(secret);
    expect(await confirmEnrolment(FRANK.email, "000000", at(0))).toBe(false);
    expect((await twoFactorStatus(FRANK.email)).enabled).toBe(false);
    expect(await confirmEnrolment(FRANK.email, totpCodeAt(secret, at(0)), at(0))).toBe(true);
    expect(await twoFactorStatus(FRANK.email)).toEqual({ enabled: true, recoveryCodesLeft: 0 });
    expect(await pendingEnrolmentSecret(FRANK.email)).toBeNull();
  });

  it("signs in: password by IMAP first (no session yet), then the code; a wrong password never reaches the code", async () => {
    expect(await secondStepFor(FRANK.email)).toBe("verify");
    const wrong = await outcomeOf(checkPassword({ ...FRANK, password: "nope", clientIp: freshIp(), userAgent: "vitest" }));
    expect(wrong).toBe("INVALID_CREDENTIALS");
    const sessionsBefore = await getDb().session.count({ where: { email: FRANK.email } });
    const checked = await checkPassword({ ...FRANK, clientIp: freshIp(), userAgent: "vitest" });
    await checked.client.logout();
    const pending = sealPendingSignIn({ email: checked.email, pass: FRANK.password, step: "verify", next: null });
    expect(pending).not.toContain(FRANK.password);
    expect(await getDb().session.count({ where: { email: FRANK.email } })).toBe(sessionsBefore);
    expect(openPendingSignIn(pending)).toMatchObject({ email: FRANK.email, step: "verify" });
    expect(openPendingSignIn(pending, new Date(Date.now() + 11 * 60_000))).toBeNull();

    expect(await passSecondStep(FRANK.email, "verify", totpCodeAt(secret, at(1)), at(1))).toEqual({ ok: true, method: "totp" });
  });

  it("refuses a code used once, an older one, and accepts it once when two requests race", async () => {
    const used = totpCodeAt(secret, at(1));
    expect(await outcomeOf(passSecondStep(FRANK.email, "verify", used, at(1)))).toBe("INVALID_CREDENTIALS");
    expect(await outcomeOf(passSecondStep(FRANK.email, "verify", used, at(2)))).toBe("INVALID_CREDENTIALS");
    const fresh = totpCodeAt(secret, at(3));
    const raced = await Promise.all([1, 2, 3, 4].map(() => outcomeOf(passSecondStep(FRANK.email, "verify", fresh, at(3)))));
    expect(raced.filter((r) => r === "ok")).toHaveLength(1);
    await clearSecondFactorFailures(FRANK.email);
  });

  it("recovery codes: each once, says how many remain, regenerating voids the old ones", async () => {
    const codes = await regenerateRecoveryCodes(FRANK.email);
    expect(codes).toHaveLength(10);
    expect(await passSecondStep(FRANK.email, "verify", codes[0].toUpperCase(), at(4))).toEqual({ ok: true, method: "recovery", remaining: 9 });
    expect(await outcomeOf(passSecondStep(FRANK.email, "verify", codes[0], at(4)))).toBe("INVALID_CREDENTIALS");
    const fresh = await regenerateRecoveryCodes(FRANK.email);
    expect(await outcomeOf(passSecondStep(FRANK.email, "verify", codes[1], at(4)))).toBe("INVALID_CREDENTIALS");
    expect(await passSecondStep(FRANK.email, "verify", fresh[0], at(4))).toEqual({ ok: true, method: "recovery", remaining: 9 });
    // No recovery code is stored in clear.
    const stored = await getDb().recoveryCode.findMany({ where: { account: FRANK.email } });
    expect(stored.some((r) => fresh.some((c) => r.hash.includes(c.replace("-", ""))))).toBe(false);
  });

  it("backs off after five wrong codes, even for a right one, in the database", async () => {
    for (let i = 0; i < 5; i++) expect(await outcomeOf(passSecondStep(FRANK.email, "verify", "000000", at(5)))).toBe("INVALID_CREDENTIALS");
    expect(await outcomeOf(passSecondStep(FRANK.email, "verify", totpCodeAt(secret, at(5)), at(5)))).toBe("RATE_LIMITED");
    const row = await getDb().secondFactorThrottle.findUnique({ where: { account: FRANK.email } });
    expect(row?.lockedUntil?.getTime()).toBe(at(5).getTime() + 30_000);
    // After the wait, a right code passes and clears the count.
    const later = new Date(at(5).getTime() + 31_000);
    expect(await passSecondStep(FRANK.email, "verify", totpCodeAt(secret, later), later)).toEqual({ ok: true, method: "totp" });
    expect(await getDb().secondFactorThrottle.findUnique({ where: { account: FRANK.email } })).toBeNull();
  });

  it("REQUIRE_2FA (everyone, or a list of domains) makes an account without it enrol at sign-in", async () => {
    expect(await secondStepFor(BOB.email)).toBeNull();
    process.env.REQUIRE_2FA = "corp.test, example.test";
    resetConfigForTests();
    expect(await secondStepFor(BOB.email)).toBe("enrol");
    process.env.REQUIRE_2FA = "corp.test";
    resetConfigForTests();
    expect(await secondStepFor(BOB.email)).toBeNull();
    process.env.REQUIRE_2FA = "1";
    resetConfigForTests();
    expect(await secondStepFor(BOB.email)).toBe("enrol");
    const bobSecret = (await pendingEnrolmentSecret(BOB.email))!;
    expect(await outcomeOf(passSecondStep(BOB.email, "enrol", "123456", at(0)))).toBe("INVALID_CREDENTIALS");
    expect(await passSecondStep(BOB.email, "enrol", totpCodeAt(bobSecret, at(0)), at(0))).toEqual({ ok: true, method: "totp" });
    expect(await secondStepFor(BOB.email)).toBe("verify");
    // The enrolment's code counts as used.
    expect(await outcomeOf(passSecondStep(BOB.email, "verify", totpCodeAt(bobSecret, at(0)), at(0)))).toBe("INVALID_CREDENTIALS");
  });
});
