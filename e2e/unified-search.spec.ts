import { expect, test } from "@playwright/test";
import { ALICE, signIn } from "./helpers";
import { expectFingerSized, expectNoSidewaysScroll } from "./phone-fit";
import { removeBySubject, withLabImap } from "./lab-imap";
import { addBobOnly, BOB, BOB_LABEL, removeAllAccounts } from "./other-accounts";

// Issue 22, unified search: alice has bob's lab mailbox as another account; one search from All
// inboxes finds the matches in both mailboxes, each marked with its account and opening in it.
const tag = `usearch-${Date.now()}`;
const mine = `Alice's plan ${tag}`;
const bobs = `Bob's plan ${tag}`;
const mail = (to: string, subject: string) =>
  `From: carol@example.test\r\nTo: ${to}\r\nSubject: ${subject}\r\nDate: ${new Date().toUTCString()}\r\n\r\nSee you there.\r\n`;

test.beforeAll(async () => {
  await withLabImap(ALICE, (imap) => imap.append("INBOX", mail(ALICE.email, mine)));
  await withLabImap(BOB, (imap) => imap.append("INBOX", mail(BOB.email, bobs)));
});
test.afterAll(async () => {
  await removeBySubject(ALICE, ["INBOX"], tag);
  await removeBySubject(BOB, ["INBOX"], tag);
});

test("search all accounts from All inboxes, open bob's match in his account", async ({ page }) => {
  await signIn(page);
  await addBobOnly(page);
  await page.goto("/mail/unified");
  await page.getByRole("searchbox", { name: "Search all accounts" }).fill(tag);
  await page.getByRole("searchbox", { name: "Search all accounts" }).press("Enter");

  await expect(page).toHaveURL(/\/mail\/search\?.*accounts=all/);
  await expect(page.getByRole("heading", { name: "Search all accounts", level: 1 })).toBeVisible();
  await expect(page.getByTestId("search-status")).toHaveText("2 found in 2 folders");
  const hits = page.getByTestId("folder-results").filter({ has: page.getByRole("link") });
  await expect(hits).toHaveCount(2);
  const bobsInbox = hits.filter({ has: page.getByTestId("result-account").getByText(BOB_LABEL, { exact: true }) });
  await expect(bobsInbox.getByRole("heading")).toContainText(`${BOB_LABEL} › Inbox`);
  await expect(hits.filter({ has: page.getByTestId("result-account").getByText(ALICE.email) }).getByRole("link")).toContainText(mine);
  // the results fit a phone's 320 px screen, the search controls a finger's size
  await page.setViewportSize({ width: 320, height: 640 });
  await expectNoSidewaysScroll(page);
  await expectFingerSized(page.locator("form").filter({ has: page.getByRole("combobox", { name: "Accounts to search" }) }));
  await page.setViewportSize({ width: 1280, height: 720 });

  await bobsInbox.getByRole("link", { name: new RegExp(bobs) }).click();
  await expect(page).toHaveURL(/account=/);
  await expect(page.getByTestId("message-subject")).toHaveText(bobs);
  await expect(page.getByTestId("current-account")).toHaveText(BOB_LABEL);

  // from bob's mailbox, "All folders" searches his alone; the choice widens it to every account
  await page.getByRole("searchbox", { name: "Search this folder" }).fill(tag);
  await page.getByRole("searchbox", { name: "Search this folder" }).press("Enter");
  await page.getByRole("link", { name: "All folders" }).click();
  await expect(page.getByTestId("search-status")).toHaveText("1 found in 1 folder");
  await expect(page.getByRole("combobox", { name: "Accounts to search" }).locator("option:checked")).toHaveText(BOB_LABEL);
  await expect(page.getByTestId("folder-results").getByRole("link")).toContainText(bobs);
  await page.getByRole("combobox", { name: "Accounts to search" }).selectOption({ label: "All accounts" });
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page.getByTestId("search-status")).toHaveText("2 found in 2 folders");
  await expect(page).toHaveURL(/accounts=all/);

  await removeAllAccounts(page);
});
