import { expect, type Page } from "@playwright/test";

export const ALICE = { email: "alice@example.test", password: "alice-pass" };

export async function signIn(page: Page, user = ALICE): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email address").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // Generous: Dovecot delays every login from an address for up to 15 s after a failed one.
  await expect(page).toHaveURL(/\/mail/, { timeout: 30_000 });
  await expect(page.getByTestId("account")).toHaveText(user.email);
}

export function row(page: Page, subject: string) {
  return page.getByTestId("message-row").filter({ hasText: subject });
}

/** Deletes every identity of the signed-in user through the Identities page, as a user would. */
export async function removeIdentities(page: Page): Promise<void> {
  await page.goto("/mail/identities");
  const remove = page.getByRole("button", { name: "Delete" });
  for (let left = await remove.count(); left > 0; left--) {
    await remove.first().click();
    await expect(remove).toHaveCount(left - 1);
  }
}

/** Opens the composer and types a plain message, as a person would. */
export async function compose(page: Page, fields: { to: string; subject: string; body: string }) {
  await page.goto("/mail/compose");
  await page.getByLabel("To", { exact: true }).fill(fields.to);
  await page.getByLabel("Subject").fill(fields.subject);
  await page.getByLabel("Message", { exact: true }).fill(fields.body);
}
