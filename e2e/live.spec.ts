import crypto from "node:crypto";
import { expect, test } from "@playwright/test";
import { ALICE, row, signIn } from "./helpers";
import { withLabImap } from "./lab-imap";
import { BOB, sendAs } from "./lab-smtp";

const TAG = crypto.randomBytes(4).toString("hex");

test.afterAll(async () => {
  await withLabImap(ALICE, async (imap) => {
    const lock = await imap.getMailboxLock("INBOX");
    try {
      const uids = (await imap.search({ subject: TAG }, { uid: true })) || [];
      if (uids.length) await imap.messageDelete(uids, { uid: true });
    } finally {
      lock.release();
    }
  });
});

test("a message bob sends appears in alice's open INBOX without a reload", async ({ page }) => {
  await signIn(page);
  await expect(page.getByTestId("live-updates")).toHaveAttribute("data-state", "watching");
  const unreadBefore = Number((await page.title()).match(/^\((\d+)\)/)?.[1] ?? 0);
  // A reload would lose this; the live update must not.
  await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

  const subject = `Live arrival ${TAG}`;
  await sendAs(BOB, { to: ALICE.email, subject });

  await expect(row(page, subject)).toBeVisible();
  await expect(page.getByTestId("message-row").first()).toContainText(subject);
  await expect(page).toHaveTitle(`(${unreadBefore + 1}) Inbox – Postern`);
  await expect(page.getByRole("link", { name: /^Inbox/ }).locator(".unread-count")).toHaveText(String(unreadBefore + 1));
  expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
});
