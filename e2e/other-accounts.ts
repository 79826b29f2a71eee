import { expect, type Page } from "@playwright/test";

// Adding bob's lab mailbox to the signed-in user's as another account, through Settings, as a
// person would (typed as "localhost", which the tests' INTERNAL_HOSTS allows).
export const BOB = { email: "bob@example.test", password: "bob-pass" };
export const BOB_LABEL = "Bob at the lab";
const IMAP_PORT = process.env.LAB_IMAP_PORT ?? "3143";
const SMTP_PORT = process.env.LAB_SUBMISSION_PORT ?? "3587";

export async function removeAllAccounts(page: Page) {
  await page.goto("/mail/accounts");
  const remove = page.getByRole("button", { name: /^Remove / });
  for (let left = await remove.count(); left > 0; left--) {
    await remove.first().click();
    await expect(remove).toHaveCount(left - 1);
  }
}

export async function fillAccount(page: Page, imapHost: string) {
  await page.getByLabel("User name (often the email address)").fill(BOB.email);
  await page.getByLabel("Password").fill(BOB.password);
  await page.getByLabel(/^Name in the account list/).fill(BOB_LABEL);
  await page.getByLabel("IMAP server", { exact: true }).fill(imapHost);
  await page.getByLabel("IMAP port").fill(IMAP_PORT);
  await page.getByLabel("IMAP security").selectOption("starttls");
  await page.getByLabel(/^SMTP server/).fill("localhost");
  await page.getByLabel("SMTP port").fill(SMTP_PORT);
  await page.getByLabel("SMTP security").selectOption("starttls");
}

/** Leaves bob's mailbox as the user's only added account. */
export async function addBobOnly(page: Page) {
  await removeAllAccounts(page);
  await fillAccount(page, "localhost");
  await page.getByRole("button", { name: "Check and add" }).click();
  await expect(page.getByTestId("mail-account")).toContainText(BOB_LABEL);
}
