import { expect, test } from "@playwright/test";
import type { BrowserContext, Cookie, Page } from "@playwright/test";
import { ALICE, signIn } from "./helpers";

const SESSION_COOKIE = /(?:^|\.)session-token$/;

async function sessionCookie(context: BrowserContext): Promise<Cookie | undefined> {
  return (await context.cookies()).find((c) => SESSION_COOKIE.test(c.name));
}

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

  // Session fixation: whatever session cookie the browser holds before signing in (planted by an
  // attacker, left from an earlier session), signing in issues a new one naming a new session.
  // (A cookie of a session that is still live never gets here: /login sends it to its mailbox.)
  test("signing in rotates the session: a planted or earlier session cookie is never reused", async ({ browser, baseURL }) => {
    const csrfOf = (p: Page) => p.locator('meta[name="postern-csrf"]').getAttribute("content");
    const earlier = await browser.newContext();
    const earlierPage = await earlier.newPage();
    await signIn(earlierPage);
    const ended = (await sessionCookie(earlier))!;
    // the CSRF token is an HMAC of the server-side session id: it tells sessions apart
    const endedToken = await csrfOf(earlierPage);
    await earlierPage.getByRole("button", { name: "Sign out" }).click();
    await expect(earlierPage).toHaveURL(/\/login/);
    await earlier.close();

    const forged = { name: ended.name, value: "planted-by-an-attacker" };
    for (const before of [ended, forged]) {
      const victim = await browser.newContext();
      await victim.addCookies([{ name: before.name, value: before.value, url: baseURL! }]);
      const page = await victim.newPage();
      await signIn(page);
      const after = (await sessionCookie(victim))!;
      expect(after.name).toBe(before.name);
      expect(after.value).not.toBe(before.value);
      expect(after.httpOnly).toBe(true);
      expect(after.sameSite).toBe("Lax");
      expect(await csrfOf(page)).not.toBe(endedToken);
      await victim.close();
    }
    // and the earlier session's cookie opens nothing
    const replay = await browser.newContext();
    await replay.addCookies([{ name: ended.name, value: ended.value, url: baseURL! }]);
    const replayPage = await replay.newPage();
    await replayPage.goto("/mail");
    await expect(replayPage).toHaveURL(/\/login/);
    await replay.close();
  });

  test("two sign-ins of the same user get different session cookies", async ({ browser }) => {
    const values: string[] = [];
    for (let i = 0; i < 2; i++) {
      const context = await browser.newContext();
      await signIn(await context.newPage());
      values.push((await sessionCookie(context))!.value);
      await context.close();
    }
    expect(values[0]).not.toBe(values[1]);
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
