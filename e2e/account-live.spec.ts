import crypto from "node:crypto";
import { expect, test } from "@playwright/test";
import { ALICE, row, signIn } from "./helpers";
import { removeBySubject, withLabImap } from "./lab-imap";
import { addBobOnly, BOB, BOB_LABEL, removeAllAccounts } from "./other-accounts";

// Issue 22: an added account's open mailbox is kept current like the user's own: mail arriving
// in bob's INBOX (added to alice's Postern) shows in the open list without a reload, and alice's
// own mailbox is not what is watched there.
const TAG = crypto.randomBytes(4).toString("hex");

test.afterAll(() => removeBySubject(BOB, ["INBOX"], TAG));

test("mail arriving in an added account's INBOX appears in its open list without a reload", async ({ page }) => {
  await signIn(page);
  await addBobOnly(page);
  await page.goto("/mail");
  await page.getByTestId("account-switcher").getByRole("link", { name: BOB_LABEL }).click();
  await expect(page.getByTestId("current-account")).toHaveText(BOB_LABEL);
  await expect(page.getByTestId("live-updates")).toHaveAttribute("data-state", "watching");
  await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

  const subject = `Live in bob's mailbox ${TAG}`;
  await withLabImap(BOB, (imap) => imap.append("INBOX", `From: carol@example.test\r\nTo: ${BOB.email}\r\nSubject: ${subject}\r\nDate: ${new Date().toUTCString()}\r\n\r\nHello.\r\n`));
  await expect(row(page, subject)).toBeVisible();
  await expect(page).toHaveURL(/account=/);
  expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);

  // alice's own INBOX never had it
  await page.getByTestId("account-switcher").getByRole("link", { name: ALICE.email }).click();
  await expect(page.getByTestId("live-updates")).toHaveAttribute("data-state", "watching");
  await expect(row(page, subject)).toHaveCount(0);
  await removeAllAccounts(page);
});
