import fs from "node:fs";
import { expect, test, type Request } from "@playwright/test";
import { CORPUS_FILES, CORPUS_SIZE, REMOTE_IMAGE_URL, SUBJECTS, TEXTS } from "../mail-lab/seed/corpus.mjs";
import { row, signIn } from "./helpers";

test.describe("reading alice's mail", () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page);
  });

  test("the inbox shows page 1, newest first, with the right total, and pages on", async ({ page }) => {
    await expect(page.getByRole("link", { name: /Inbox/ })).toHaveAttribute("aria-current", "page");
    await expect(page.getByTestId("list-range")).toHaveText(`1–50 of ${CORPUS_SIZE}`);
    await expect(page.getByTestId("message-row")).toHaveCount(50);
    await expect(page.getByTestId("page-indicator")).toHaveText(`Page 1 of ${Math.ceil(CORPUS_SIZE / 50)}`);
    // The seeded corpus appends its interesting messages last: they are on page 1.
    await expect(row(page, SUBJECTS.newsletter)).toBeVisible();
    await page.getByRole("link", { name: "Older messages" }).click();
    await expect(page.getByTestId("list-range")).toHaveText(`51–100 of ${CORPUS_SIZE}`);
    await expect(page.getByTestId("message-row")).toHaveCount(50);
    await expect(row(page, SUBJECTS.newsletter)).toHaveCount(0);
  });

  test("an HTML message shows its body, its inline image, and never fetches the remote image", async ({ page }) => {
    const remoteHost = new URL(REMOTE_IMAGE_URL).host;
    const remoteRequests: string[] = [];
    page.on("request", (r) => {
      if (new URL(r.url()).host === remoteHost) remoteRequests.push(r.url());
    });
    await row(page, SUBJECTS.newsletter).click();
    await expect(page.getByTestId("message-subject")).toHaveText(SUBJECTS.newsletter);
    const body = page.frameLocator('[data-testid="html-body"]');
    await expect(body.getByText(TEXTS.newsletter)).toBeVisible();
    // The cid: logo is shown (decoded from the message, not fetched from anywhere).
    const logo = body.locator('img[src^="data:image/png"]').first();
    await expect(logo).toBeVisible();
    expect(await logo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    await expect(page.getByTestId("remote-blocked")).toContainText("Remote images are blocked");
    // Scripts cannot run in the message frame and it has no access to Postern's origin.
    await expect(page.getByTestId("html-body")).toHaveAttribute("sandbox", "allow-popups allow-popups-to-escape-sandbox");
    // The frame has loaded all it was going to (its remote image would be asked for while parsing,
    // beside the inline logo): "networkidle" is no such condition under a busy machine.
    await expect.poll(() => body.locator("html").evaluate(() => document.readyState)).toBe("complete");
    expect(remoteRequests).toEqual([]);
    // Opening marked it read: the row is no longer bold.
    await expect(row(page, SUBJECTS.newsletter).locator("xpath=..")).not.toHaveClass(/unread/);
  });

  test("Settings › prefer plain text shows a message's text version instead of its HTML, and back", async ({ page }) => {
    await row(page, SUBJECTS.alternative).click();
    await expect(page.frameLocator('[data-testid="html-body"]').getByText("Build #1482 passed")).toBeVisible();
    await page.getByRole("link", { name: "Settings" }).click();
    const plain = page.getByLabel("Show the plain-text version of a message when it has one");
    await expect(plain).not.toBeChecked();
    await plain.check();
    await page.getByRole("button", { name: "Save" }).first().click();
    await expect(page.getByTestId("settings-notice")).toHaveText("Reading settings saved.");
    await expect(plain).toBeChecked();
    try {
      await page.goto("/mail");
      await row(page, SUBJECTS.alternative).click();
      await expect(page.getByTestId("text-body")).toContainText(TEXTS.alternativeText);
      await expect(page.getByTestId("html-body")).toHaveCount(0);
    } finally {
      await page.goto("/mail/settings");
      await page.getByLabel("Show the plain-text version of a message when it has one").uncheck();
      await page.getByRole("button", { name: "Save" }).first().click();
      await expect(page.getByTestId("settings-notice")).toHaveText("Reading settings saved.");
    }
    await page.goto("/mail");
    await row(page, SUBJECTS.alternative).click();
    await expect(page.frameLocator('[data-testid="html-body"]').getByText("Build #1482 passed")).toBeVisible();
  });

  test("'Always show images from' a sender loads that sender's images from then on, until stopped in Settings", async ({ page }) => {
    const remoteHost = new URL(REMOTE_IMAGE_URL).host;
    await row(page, SUBJECTS.newsletter).click();
    const blocked = page.getByTestId("remote-blocked");
    await expect(blocked).toContainText("Remote images are blocked");
    // through Postern's image proxy (on by default): the browser asks Postern for the sender's image
    const viaProxy = (r: Request) => {
      const url = new URL(r.url());
      return url.pathname === "/api/image-proxy" && new URL(url.searchParams.get("u") ?? "http://x").host === remoteHost;
    };
    const asked = page.waitForRequest(viaProxy);
    await blocked.getByRole("button", { name: "Always show images from news@newsletter.example" }).click();
    try {
      await asked;
      await expect(page.getByTestId("remote-trusted")).toContainText("news@newsletter.example");
      await expect(page.getByTestId("remote-blocked")).toHaveCount(0);
      // a fresh visit, without ?images=1, still shows them
      await page.goto("/mail");
      const again = page.waitForRequest(viaProxy);
      await row(page, SUBJECTS.newsletter).click();
      await again;
    } finally {
      // whatever happened above: later tests expect the newsletter's images blocked
      await page.goto("/mail/settings");
      await expect(page.getByTestId("trusted-image-senders")).toContainText("news@newsletter.example");
      await page.getByRole("button", { name: "Stop showing images from news@newsletter.example" }).click();
      await expect(page.getByTestId("settings-notice")).toHaveText("Images from news@newsletter.example are blocked again until you ask.");
      await expect(page.getByTestId("trusted-image-senders")).toHaveCount(0);
    }
    await page.goto("/mail");
    await row(page, SUBJECTS.newsletter).click();
    await expect(page.getByTestId("remote-blocked")).toContainText("Remote images are blocked");
  });

  test("a windows-874 message shows correct Thai text", async ({ page }) => {
    await row(page, SUBJECTS.windows874).click();
    await expect(page.getByTestId("message-subject")).toHaveText(SUBJECTS.windows874);
    await expect(page.getByTestId("text-body")).toContainText(TEXTS.windows874);
    await expect(page.getByTestId("text-body")).toContainText(TEXTS.windows874Quote);
  });

  test("an attachment downloads with exactly the bytes that were sent", async ({ page }) => {
    await row(page, SUBJECTS.pdf).click();
    const link = page.getByTestId("attachment-link").filter({ hasText: CORPUS_FILES.pdf.name });
    await expect(link).toBeVisible();
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    expect(download.suggestedFilename()).toBe(CORPUS_FILES.pdf.name);
    const saved = await download.path();
    expect(fs.readFileSync(saved).equals(CORPUS_FILES.pdf.bytes())).toBe(true);
  });
});
