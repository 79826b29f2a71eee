import { expect, test } from "@playwright/test";
import { ALICE, signIn } from "./helpers";

// Serial: the wrong-password case runs last, since Dovecot then slows logins from this address.
test.describe.configure({ mode: "serial" });

test.describe("signing in and out", () => {
  test("the mail page needs a session", async ({ page }) => {
    await page.goto("/mail");
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  });

  test("signing out returns to the sign-in page and ends the session", async ({ page }) => {
    await signIn(page);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByTestId("login-message")).toHaveText("You have signed out.");
    await page.goto("/mail");
    await expect(page).toHaveURL(/\/login/);
  });

  test("a wrong password shows a clear error and keeps the address typed", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email address").fill(ALICE.email);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("login-message")).toHaveText("Wrong email address or password.");
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByLabel("Email address")).toHaveValue(ALICE.email);
  });
});
