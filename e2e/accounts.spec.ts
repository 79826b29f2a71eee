import { expect, test } from "@playwright/test";
import { ALICE, row, signIn } from "./helpers";
import { BOB, BOB_LABEL, fillAccount, removeAllAccounts } from "./other-accounts";
import { removeBySubject, withLabImap } from "./lab-imap";
import { fetchBySubject } from "../tests/fixtures/mailbox-by-subject";

// Issue 22, several accounts: alice adds bob's lab mailbox (typed as "localhost", which the
// tests' INTERNAL_HOSTS allows), reads it beside her own, sees both in All inboxes, removes it.
const LABEL = BOB_LABEL;
const tag = `acct-${Date.now()}`;
const subject = `Hello from bob's mailbox ${tag}`;

test.beforeAll(async () => {
  await withLabImap(BOB, (imap) =>
    imap.append("INBOX", `From: carol@example.test\r\nTo: bob@example.test\r\nSubject: ${subject}\r\nDate: ${new Date().toUTCString()}\r\nMIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>The body bob reads in Postern.</p>\r\n`),
  );
});
test.afterAll(() => removeBySubject(BOB, ["INBOX"], tag));

test("add bob's mailbox, read it, see it in All inboxes, remove it", async ({ page }) => {
  await signIn(page);
  await removeAllAccounts(page);
  await page.goto("/mail/settings");
  await page.getByRole("link", { name: /Add other IMAP\/SMTP mailboxes/ }).click();
  await expect(page.getByRole("heading", { name: "Other accounts" })).toBeVisible();

  // a typed loopback address is refused, what was typed stays (but the password)
  await fillAccount(page, "127.0.0.1");
  await page.getByRole("button", { name: "Check and add" }).click();
  await expect(page.getByTestId("add-account-error")).toContainText("127.0.0.1 is a private or local address");
  await expect(page.getByLabel("IMAP server", { exact: true })).toHaveValue("127.0.0.1");
  await expect(page.getByTestId("mail-account")).toHaveCount(0);

  await fillAccount(page, "localhost");
  await page.getByRole("button", { name: "Check and add" }).click();
  await expect(page.getByTestId("accounts-notice")).toContainText(`Added ${LABEL}`);
  await expect(page.getByTestId("mail-account")).toContainText(LABEL);

  // switch to it and read its message
  await page.goto("/mail");
  await page.getByTestId("account-switcher").getByRole("link", { name: LABEL }).click();
  await expect(page).toHaveURL(/account=/);
  await expect(page.getByTestId("current-account")).toHaveText(LABEL);
  await row(page, subject).click();
  await expect(page.getByTestId("message-subject")).toHaveText(subject);
  // the HTML body's frame is served from bob's mailbox too
  await expect(page.frameLocator("iframe").first().getByText("The body bob reads in Postern.")).toBeVisible();
  await expect(page).toHaveURL(/account=/);
  // a star set here lands on bob's message (the page's requests name the account)
  await row(page, subject).locator("..").getByRole("button", { name: "Star" }).click();
  await expect
    .poll(() => withLabImap(BOB, async (imap) => (await fetchBySubject(imap, "INBOX", tag))[0]?.flags.has("\\Flagged")))
    .toBe(true);

  // all inboxes: bob's message marked with his account, alice's own beside it
  await page.getByTestId("unified-inbox-link").click();
  await expect(page).toHaveURL(/\/mail\/unified/);
  const bobs = row(page, subject);
  await expect(bobs.getByTestId("row-account")).toHaveText(LABEL);
  await expect(page.getByTestId("row-account").filter({ hasText: ALICE.email }).first()).toBeVisible();
  await bobs.click();
  await expect(page.getByTestId("message-subject")).toHaveText(subject);

  // back to her own mailbox: bob's message is not there
  await page.getByTestId("account-switcher").getByRole("link", { name: ALICE.email }).click();
  await expect(page).not.toHaveURL(/account=/);
  await expect(page.getByTestId("message-row").first()).toBeVisible();
  await expect(row(page, subject)).toHaveCount(0);

  await page.goto("/mail/accounts");
  await page.getByRole("button", { name: `Remove ${LABEL}` }).click();
  await expect(page.getByTestId("accounts-notice")).toContainText("Account removed");
  await expect(page.getByTestId("mail-account")).toHaveCount(0);
  await page.goto("/mail");
  await expect(page.getByTestId("account-switcher")).toHaveCount(0);
});

test.describe("on a phone (390 x 844, touch)", () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

  test("the switcher is in the folder drawer", async ({ page }) => {
    await signIn(page);
    await removeAllAccounts(page);
    await fillAccount(page, "localhost");
    await page.getByRole("button", { name: "Check and add" }).click();
    await expect(page.getByTestId("mail-account")).toContainText(LABEL);
    await page.goto("/mail");
    await expect(page.getByTestId("account-switcher")).toBeHidden();
    await page.getByTestId("folders-drawer").tap();
    await page.getByTestId("account-switcher").getByRole("link", { name: LABEL }).tap();
    await expect(page).toHaveURL(/account=/);
    await row(page, subject).tap();
    await expect(page.getByTestId("message-subject")).toHaveText(subject);
    await removeAllAccounts(page);
  });
});
