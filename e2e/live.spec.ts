import crypto from "node:crypto";
import { expect, test } from "@playwright/test";
import { ALICE, row, signIn } from "./helpers";
import { removeBySubject } from "./lab-imap";
import { BOB, sendAs } from "./lab-smtp";

const TAG = crypto.randomBytes(4).toString("hex");

test.afterAll(async () => {
  await removeBySubject(ALICE, ["INBOX"], TAG);
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

test("with notifications on, new INBOX mail shows a desktop notification with sender and subject", async ({ page }) => {
  // Headless Chromium shows no notifications: record what Postern asks the Notification API for.
  await page.addInitScript(() => {
    const shown: { title: string; body?: string }[] = [];
    (window as unknown as { shownNotifications: typeof shown }).shownNotifications = shown;
    class RecordingNotification {
      static permission = "granted";
      static requestPermission = async () => "granted";
      onclick: (() => void) | null = null;
      constructor(title: string, options?: { body?: string }) {
        shown.push({ title, body: options?.body });
      }
      close() {}
    }
    (window as unknown as { Notification: unknown }).Notification = RecordingNotification;
  });
  await signIn(page);
  await page.goto("/mail/settings");
  await expect(page.getByTestId("notification-permission")).toContainText("may show");
  const setting = page.getByLabel(/Show a desktop notification/);
  await setting.check();
  await page.getByRole("region", { name: "Notifications" }).getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("settings-notice")).toHaveText("Notification settings saved.");

  await page.goto("/mail");
  await expect(page.getByTestId("live-updates")).toHaveAttribute("data-state", "watching");
  const subject = `Notify ${TAG}`;
  await sendAs(BOB, { to: ALICE.email, subject });
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { shownNotifications: unknown[] }).shownNotifications))
    .toContainEqual({ title: BOB.email, body: subject });

  await page.goto("/mail/settings");
  await page.getByLabel(/Show a desktop notification/).uncheck();
  await page.getByRole("region", { name: "Notifications" }).getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("settings-notice")).toHaveText("Notification settings saved.");
});

test("hidden tabs but one let go of their stream, and catch up when shown again", async ({ page, context }) => {
  const setVisibility = (p: typeof page, state: "hidden" | "visible") =>
    p.evaluate((s) => {
      Object.defineProperty(document, "visibilityState", { value: s, configurable: true });
      document.dispatchEvent(new Event("visibilitychange"));
    }, state);
  await signIn(page);
  const other = await context.newPage();
  await other.goto("/mail");
  for (const p of [page, other]) await expect(p.getByTestId("live-updates")).toHaveAttribute("data-state", "watching");

  await setVisibility(page, "hidden"); // the first hidden tab keeps its stream (notifications)...
  await expect(page.getByTestId("live-updates")).toHaveAttribute("data-state", "watching");
  await setVisibility(other, "hidden"); // ...the next one lets go
  await expect(other.getByTestId("live-updates")).toHaveAttribute("data-state", "paused");

  const subject = `Background ${TAG}`;
  await sendAs(BOB, { to: ALICE.email, subject });
  await expect(row(page, subject)).toBeVisible();
  await expect(row(other, subject)).toHaveCount(0);

  await setVisibility(other, "visible");
  await expect(other.getByTestId("live-updates")).toHaveAttribute("data-state", "watching");
  await expect(row(other, subject)).toBeVisible();
  await other.close();
});
