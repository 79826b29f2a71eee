import { expect, test } from "@playwright/test";
import { SUBJECTS } from "../mail-lab/seed/corpus.mjs";
import { ALICE, row } from "./helpers";
import { expectAllTranslated } from "./pseudo-check";

// Issue 21: the main pages show only catalog strings (e2e/pseudo-check.ts says how it is told).
// Settings-side pages: pseudo-locale-settings.spec.ts; the second sign-in step and the admin page
// have their own files.

test.use({ locale: "en-XA" });

test("every main page shows only catalog strings (pseudo locale)", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/login");
  await expect(page.locator("html")).toHaveAttribute("lang", "en-XA");
  await expectAllTranslated(page);
  await page.locator("input[name=email]").fill(ALICE.email);
  await page.locator("input[name=password]").fill(ALICE.password);
  await page.locator("button[type=submit]").click();
  await expect(page).toHaveURL(/\/mail/, { timeout: 30_000 });
  await expect(page.getByTestId("message-row").first()).toBeVisible();
  await expectAllTranslated(page);

  // a message, with the reading pane's tools
  await row(page, SUBJECTS.plain).first().click();
  await expect(page.getByTestId("message-subject")).toHaveText(SUBJECTS.plain);
  await expectAllTranslated(page);
  // the spam filter's "Why?" (its words, the evidence, the rules)
  await page.getByTestId("spam-panel").locator("summary").click();
  await expect(page.getByTestId("spam-why")).toBeVisible();
  await expectAllTranslated(page);
  const uid = await row(page, SUBJECTS.plain).first().evaluate((a) => a.closest("li")?.dataset.uid);

  const pages = [
    `/mail/conversation?folder=INBOX&uid=${uid}`,
    `/mail/print?folder=INBOX&uid=${uid}`,
    "/mail/unified",
    "/mail/compose",
    "/mail/settings",
    "/mail/receipts",
    "/mail/folders",
    "/mail/search?q=Lunch&in=headers",
    "/r/AAAAAAAAAAAAAAAAAAAAAA",
  ];
  for (const path of pages) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    await expectAllTranslated(page);
  }
});
