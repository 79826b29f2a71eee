import path from "node:path";
import Database from "better-sqlite3";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";
import { totpCodeAt } from "../lib/two-factor/totp";

// Issue 23 in the browser: frank turns on two-factor sign-in with a code computed from the key
// the page shows (as his phone would), gets ten recovery codes, then signs in with password +
// TOTP; a code already used is refused; a recovery code signs him in and says how many remain.
// frank's account is this journey's alone (mail-lab/users).
const FRANK = { email: "frank@example.test", password: "frank-pass" };
const DB = path.join(import.meta.dirname, "..", "data", "e2e", "postern.db");

/** Back to no second factor, straight in the server's database: a failed run must not leave frank
 * unable to sign in for the next. */
function forgetTwoFactor(): void {
  const db = new Database(DB);
  try {
    for (const table of ["TwoFactor", "RecoveryCode", "SecondFactorThrottle"]) db.prepare(`DELETE FROM "${table}" WHERE account = ?`).run(FRANK.email);
  } finally {
    db.close();
  }
}

async function passwordStep(page: Page): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email address").fill(FRANK.email);
  await page.getByLabel("Password").fill(FRANK.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/login\/verify$/, { timeout: 30_000 });
}

async function signOut(page: Page): Promise<void> {
  await page.goto("/mail");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
}

test.beforeAll(forgetTwoFactor);
test.afterAll(forgetTwoFactor);

test("TOTP: enrol with a computed code, then sign in with password and code; a used code is refused; a recovery code works once", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, FRANK);
  await page.goto("/mail/settings");
  await page.getByRole("link", { name: /Two-factor sign-in with an authenticator app/ }).click();
  await expect(page.getByTestId("two-factor-status")).toContainText("Off");
  await page.getByRole("link", { name: "Set up an authenticator app" }).click();
  await expect(page.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
  const secret = (await page.getByTestId("totp-secret").textContent())!.replace(/\s+/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  // A wrong code leaves it off.
  await page.getByLabel("Code from your app").fill("000000");
  await page.getByRole("button", { name: "Turn on" }).click();
  await expect(page.getByTestId("codes-error")).toContainText("That code is not right");
  await page.getByLabel("Code from your app").fill(totpCodeAt(secret, new Date()));
  await page.getByRole("button", { name: "Turn on" }).click();
  const codesBox = page.getByTestId("recovery-codes");
  await expect(codesBox).toContainText("Two-factor sign-in is on");
  const recovery = await codesBox.locator("li code").allTextContents();
  expect(recovery).toHaveLength(10);
  await codesBox.getByRole("link", { name: "I have saved them" }).click();
  await expect(page.getByTestId("two-factor-status")).toContainText("10 recovery codes left");

  // Password, then the code. The step survives a reload; no session exists before the code.
  await signOut(page);
  await passwordStep(page);
  await page.reload();
  await expect(page.getByText("Enter the code your authenticator app shows")).toBeVisible();
  await page.goto("/mail");
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/login/verify");
  // The enrolment used this step's code: the next step's is what the phone shows soon (±1 step).
  const code = totpCodeAt(secret, new Date(Date.now() + 30_000));
  await page.getByLabel(/Code from your authenticator app/).fill(code);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("account")).toHaveText(FRANK.email);

  // The same code again: refused, even with the right password.
  await signOut(page);
  await passwordStep(page);
  await page.getByLabel(/Code from your authenticator app/).fill(code);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("verify-message")).toContainText("already used");

  // A recovery code signs in once and says how many are left.
  await page.getByLabel(/Code from your authenticator app/).fill(recovery[0]);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("security-notice")).toHaveText("You signed in with a recovery code. 9 recovery codes are left.");
  await expect(page.getByTestId("two-factor-status")).toContainText("9 recovery codes left");

  // Turning it off takes a code too (here another recovery code).
  await page.getByLabel("Code from your app, or a recovery code").fill(recovery[1]);
  await page.getByRole("button", { name: "Turn off two-factor sign-in" }).click();
  await expect(page.getByTestId("security-notice")).toHaveText("Two-factor sign-in is off.");
  await signOut(page);
  await signIn(page, FRANK);
});
