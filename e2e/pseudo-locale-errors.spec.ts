import { expect, test } from "@playwright/test";
import { ALICE, signIn } from "./helpers";
import { expectAllTranslated, pseudoSignIn } from "./pseudo-check";

// Issue 21: what Postern says when something is refused or goes wrong comes from the catalog too
// (e2e/pseudo-check.ts): a form refused for its CSRF token, a vCard file with bad lines, a
// contact form with a bad value. Nothing here is saved, so alice's data stays as it was.

test.describe("pseudo locale", () => {
  test.use({ locale: "en-XA" });

  test("refusals and problem reports show only catalog strings", async ({ page }) => {
    test.setTimeout(120_000);
    await pseudoSignIn(page, ALICE);

    // a settings form whose CSRF token is not the session's (the action refuses it, changes nothing)
    await page.goto("/mail/settings");
    const reading = page.locator("form").filter({ has: page.locator("input[name=preferPlainText]") });
    await reading.locator('input[name="postern-csrf"]').evaluate((input) => ((input as HTMLInputElement).value = "not-the-token"));
    await reading.locator("button[type=submit]").click();
    await expect(page.getByTestId("settings-notice")).toBeVisible();
    await expectAllTranslated(page);

    // a vCard file none of whose entries can be imported (a bad address, a line that cannot be read,
    // a phone number without a digit, text outside any card, no END): each problem named by entry and line
    await page.goto("/mail/contacts");
    const vcf = [
      "stray text before any card",
      "BEGIN:VCARD", "VERSION:3.0", "FN:Pseudo Bad Mail", "EMAIL:not-an-address@", "END:VCARD",
      // a line ical.js cannot read: what is wrong with it is said from the catalog, not in ical.js's English
      "BEGIN:VCARD", "VERSION:3.0", "FN:Pseudo Bad Line", "just some words", "END:VCARD",
      "BEGIN:VCARD", "VERSION:3.0", "FN:Pseudo No End", "TEL:no digits here",
    ].join("\r\n");
    const importForm = page.locator("form").filter({ has: page.locator("input[name=file]") });
    await importForm.locator("input[name=file]").setInputFiles({ name: "bad.vcf", mimeType: "text/vcard", buffer: Buffer.from(vcf) });
    await importForm.locator("button[type=submit]").click();
    await expect(page.getByTestId("import-problems").locator("li")).toHaveCount(5);
    await expectAllTranslated(page);

    // the contact form with a phone number that has no digit
    await page.goto("/mail/contacts?new=individual");
    const form = page.locator("form").filter({ has: page.locator("input[name=phone]") });
    await form.locator("input[name=name]").fill("Pseudo Phone");
    await form.locator("input[name=phone]").first().fill("call me maybe");
    await form.locator("button[type=submit]").first().click();
    await expect(page.getByTestId("contacts-notice")).toBeVisible();
    await expectAllTranslated(page);
  });
});

test.describe("time zone", () => {
  test.use({ timezoneId: "Asia/Bangkok" });

  test("the sessions page shows times in the reader's own zone once the browser has said it", async ({ page }) => {
    await signIn(page, ALICE);
    // the mail page the sign-in lands on tells the server the zone
    await expect.poll(async () => (await page.context().cookies()).find((c) => c.name === "tz")?.value).toBe(encodeURIComponent("Asia/Bangkok"));
    await page.goto("/mail/sessions");
    const times = page.getByTestId("session").first().locator("p").first();
    await expect(times).toBeVisible();
    await expect(times).not.toContainText("UTC");
    // a zone the server does not know is not taken: UTC, and it says so
    await page.context().addCookies([{ name: "tz", value: "Mars/Olympus_Mons", domain: new URL(page.url()).hostname, path: "/" }]);
    const res = await page.request.get("/mail/sessions");
    expect(await res.text()).toMatch(/Signed in [^<]* UTC/);
  });
});
