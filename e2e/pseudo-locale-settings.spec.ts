import { expect, test } from "@playwright/test";
import { ALICE } from "./helpers";
import { expectAllTranslated, expectPagesTranslated, pseudoSignIn } from "./pseudo-check";

// Issue 21, the pages beside the mail view: every string they show is the catalog's
// (e2e/pseudo-check.ts). A page left out here can say English unnoticed: add new pages.

test.use({ locale: "en-XA" });

test("settings, folders, contacts, accounts and news pages show only catalog strings (pseudo locale)", async ({ page }) => {
  test.setTimeout(180_000);
  await pseudoSignIn(page, ALICE);
  await expectPagesTranslated(page, [
    "/mail/filters",
    "/mail/folders/delete?path=Archive",
    "/mail/folders/delete?path=No%20such%20folder",
    "/mail/folders/empty?use=trash",
    "/mail/folders/empty?use=junk",
    "/mail/security",
    "/mail/sessions",
    "/mail/identities",
    "/mail/identities/verify?token=not-a-real-token-but-long-enough",
    "/mail/contacts",
    "/mail/contacts?new=individual",
    "/mail/contacts?new=group",
    "/mail/accounts",
    "/mail/collect",
    "/mail/news/server",
    "/mail/news?browse=1&q=postern.test",
    "/mail/news/compose?group=postern.test.general",
  ]);

  // a filter rule's controls, and the vacation reply
  await page.goto("/mail/filters");
  await page.locator("section[aria-labelledby=rules-heading] > button").last().click();
  await expect(page.locator("fieldset.filter-rule").last()).toBeVisible();
  await expectAllTranslated(page);

  // a newsgroup and one of its articles
  await page.goto("/mail/news?group=postern.test.general");
  await expect(page.getByTestId("article-row").first()).toBeVisible();
  await expectAllTranslated(page);
  await page.getByTestId("article-row").first().locator("a").click();
  await expect(page.getByTestId("message-subject")).toBeVisible();
  await page.waitForLoadState("networkidle");
  await expectAllTranslated(page);
});
