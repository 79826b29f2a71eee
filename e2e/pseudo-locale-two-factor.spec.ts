import path from "node:path";
import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";
import { totpCodeAt } from "../lib/two-factor/totp";
import { expectAllTranslated, pseudoSignIn } from "./pseudo-check";

// Issue 21: setting up two-factor sign-in (QR code, recovery codes) and the second sign-in step
// show only catalog strings. frank is the two-factor account (mail-lab/users); this journey, like
// e2e/two-factor.spec.ts, leaves him without a second factor before and after.
const FRANK = { email: "frank@example.test", password: "frank-pass" };
const DB = path.join(import.meta.dirname, "..", "data", "e2e", "postern.db");

function forgetTwoFactor(): void {
  const db = new Database(DB);
  try {
    for (const table of ["TwoFactor", "RecoveryCode", "SecondFactorThrottle"]) db.prepare(`DELETE FROM "${table}" WHERE account = ?`).run(FRANK.email);
  } finally {
    db.close();
  }
}

test.use({ locale: "en-XA" });
test.beforeAll(forgetTwoFactor);
test.afterAll(forgetTwoFactor);

test("two-factor setup and the second sign-in step show only catalog strings (pseudo locale)", async ({ page, context }) => {
  test.setTimeout(120_000);
  await pseudoSignIn(page, FRANK);
  await page.goto("/mail/security?setup=1");
  const setup = page.getByTestId("totp-setup");
  await expect(setup.locator("img")).toBeVisible();
  await expectAllTranslated(page);
  const secret = (await page.getByTestId("totp-secret").textContent())!.replace(/\s+/g, "");
  await setup.locator("input[name=code]").fill(totpCodeAt(secret, new Date()));
  await setup.locator("button[type=submit]").click();
  await expect(page.getByTestId("recovery-codes")).toBeVisible();
  await expectAllTranslated(page);

  // a new browser session: password, then the second step
  await context.clearCookies();
  await pseudoSignIn(page, FRANK, /\/login\/verify$/);
  await expect(page.locator("input[name=code]")).toBeVisible();
  await expectAllTranslated(page);
  // a wrong code: the refusal is catalog text too
  await page.locator("input[name=code]").fill("000000");
  await page.locator("form.login-form button[type=submit]").click();
  await expect(page.getByTestId("verify-message")).toBeVisible();
  await expectAllTranslated(page);
});
