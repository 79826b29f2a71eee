import path from "node:path";
import Database from "better-sqlite3";
import { expect, test, type Page } from "@playwright/test";

// Issue 23 in the browser: grace registers a passkey in Settings with Chromium's virtual
// authenticator (DevTools WebAuthn domain, as a laptop's built-in one), signs out, signs in with
// password + passkey, then passkey-first (the passkey names her account; the password is asked
// next), and removes it. grace's account is this journey's alone (mail-lab/users).
const GRACE = { email: "grace@example.test", password: "grace-pass" };
const DB = path.join(import.meta.dirname, "..", "data", "e2e", "postern.db");
// WebAuthn refuses an IP address as RP ID: this journey addresses Postern as localhost.
test.use({ baseURL: `http://localhost:${process.env.E2E_PORT ?? 3100}` });

function forgetPasskeys(): void {
  const db = new Database(DB);
  try {
    for (const table of ["Passkey", "RecoveryCode", "SecondFactorThrottle"]) db.prepare(`DELETE FROM "${table}" WHERE account = ?`).run(GRACE.email);
  } finally {
    db.close();
  }
}

async function addVirtualAuthenticator(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: { protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });
}

async function passwordStep(page: Page): Promise<void> {
  await page.getByLabel("Password").fill(GRACE.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

async function signOut(page: Page): Promise<void> {
  await page.goto("/mail");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
}

test.beforeAll(forgetPasskeys);
test.afterAll(forgetPasskeys);

test("passkey: register in Settings, sign in with password + passkey, then passkey-first, then remove it", async ({ page }) => {
  test.setTimeout(120_000);
  await addVirtualAuthenticator(page);
  await page.goto("/login");
  await page.getByLabel("Email address").fill(GRACE.email);
  await passwordStep(page);
  await expect(page.getByTestId("account")).toHaveText(GRACE.email, { timeout: 30_000 });

  await page.goto("/mail/security");
  await page.getByTestId("passkey-name").fill("This laptop");
  await page.getByRole("button", { name: "Add a passkey" }).click();
  const passkeys = page.getByTestId("passkey");
  await expect(passkeys).toHaveCount(1);
  await expect(passkeys.getByLabel("Name")).toHaveValue("This laptop");
  await expect(passkeys).toContainText("not used yet");
  // The same authenticator again: the browser refuses it, and the page says why.
  await page.getByTestId("passkey-name").fill("Again");
  await page.getByRole("button", { name: "Add a passkey" }).click();
  await expect(page.getByTestId("passkey-error")).toContainText("already registered");
  await expect(passkeys).toHaveCount(1);

  // Password, then the passkey: no session before the passkey.
  await signOut(page);
  await page.getByLabel("Email address").fill(GRACE.email);
  await passwordStep(page);
  await expect(page).toHaveURL(/\/login\/verify$/, { timeout: 30_000 });
  await page.goto("/mail");
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/login/verify");
  await page.getByRole("button", { name: "Use my passkey" }).click();
  await expect(page.getByTestId("account")).toHaveText(GRACE.email, { timeout: 30_000 });

  // Passkey-first: the passkey names the account; the password is all that is asked after it.
  await signOut(page);
  await page.getByRole("button", { name: "Use a passkey instead" }).click();
  await expect(page.getByTestId("passkey-first-account")).toContainText(`Passkey accepted for ${GRACE.email}`);
  await expect(page.getByLabel("Email address")).toHaveValue(GRACE.email);
  await passwordStep(page);
  await expect(page.getByTestId("account")).toHaveText(GRACE.email, { timeout: 30_000 });

  // Removed: it no longer signs in, and the password alone does again.
  await page.goto("/mail/security");
  await expect(passkeys).toContainText("last used");
  await page.getByRole("button", { name: "Remove passkey This laptop" }).click();
  await expect(page.getByTestId("security-notice")).toContainText("The passkey is removed");
  await expect(passkeys).toHaveCount(0);
  await signOut(page);
  await page.getByLabel("Email address").fill(GRACE.email);
  await passwordStep(page);
  await expect(page.getByTestId("account")).toHaveText(GRACE.email, { timeout: 30_000 });
});
