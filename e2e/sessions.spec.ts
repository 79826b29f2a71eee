import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";

// Issue 23, Devices and sessions: carol is signed in on her computer and on a second browser
// (Firefox, by its User-Agent); from the first she signs the second out, which lands on the
// sign-in page at its next request; then "sign out everywhere else" does the same and keeps her in.
const CAROL = { email: "carol@example.test", password: "carol-pass" };
const FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

async function expectSignedOut(page: Page): Promise<void> {
  await page.goto("/mail");
  await expect(page).toHaveURL(/\/login/);
}

test("signing out another session from the sessions page ends it; its next request goes to sign-in", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const other = await browser.newContext({ userAgent: FIREFOX });
  const second = await other.newPage();
  await signIn(page, CAROL);
  await signIn(second, CAROL);

  await page.goto("/mail/settings");
  await page.getByRole("link", { name: /Devices and sessions/ }).click();
  const mine = page.getByTestId("session").filter({ hasText: "this browser" });
  await expect(mine).toHaveCount(1);
  await expect(mine.getByRole("button", { name: "Sign out this session" })).toHaveCount(0);
  const firefox = page.getByTestId("session").filter({ hasText: "Firefox on Linux" });
  await expect(firefox).toHaveCount(1);
  await firefox.getByRole("button", { name: "Sign out this session" }).click();
  await expect(page.getByTestId("sessions-notice")).toHaveText("That session is signed out.");
  await expect(firefox).toHaveCount(0);
  await expectSignedOut(second);

  // Again, with "everywhere else": the second browser is out, this one stays in.
  await signIn(second, CAROL);
  await page.reload();
  await expect(firefox).toHaveCount(1);
  await page.getByRole("button", { name: "Sign out everywhere else" }).click();
  await expect(page.getByTestId("sessions-notice")).toContainText(/Signed out \d+ other session/);
  await expect(page.getByTestId("session")).toHaveCount(1);
  await expectSignedOut(second);
  await page.goto("/mail");
  await expect(page.getByTestId("account")).toHaveText(CAROL.email);
  await other.close();
});
