import { expect, type Page } from "@playwright/test";

export const ALICE = { email: "alice@example.test", password: "alice-pass" };

export async function signIn(page: Page, user = ALICE): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email address").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/mail/);
  await expect(page.getByTestId("account")).toHaveText(user.email);
}

export function row(page: Page, subject: string) {
  return page.getByTestId("message-row").filter({ hasText: subject });
}
