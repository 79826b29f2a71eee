import crypto from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { type CanaryServer, PIXEL_PNG, startCanary } from "./canary-server";
import { signIn } from "./helpers";
import { postToLabNews } from "./lab-news";

// Issue 24, what an article carries beyond its text: its files download from the article pane
// with mail's safety headers, and its remote images come through Postern's image proxy only.
const GROUP = "postern.test.e2e";
const TAG = `files-${Date.now()}`;
const BLOB = crypto.randomBytes(64 * 1024);
let canary: CanaryServer;

test.beforeAll(async () => {
  canary = await startCanary(() => "");
  await postToLabNews(GROUP, {
    from: "Bob Example <bob@example.test>",
    subject: `Article with files ${TAG}`,
    text: "A picture and a data file.\n",
    attachments: [
      { filename: "pixel.png", content: PIXEL_PNG, contentType: "image/png" },
      { filename: "report.bin", content: BLOB, contentType: "application/octet-stream" },
    ],
  });
  await postToLabNews(GROUP, {
    from: "Pictures <pictures@example.test>",
    subject: `Article with a remote image ${TAG}`,
    html: `<p>Picture below.</p><img alt="remote" src="${canary.origin}/png/${TAG}.png">`,
  });
});

test.afterAll(async () => {
  await canary?.close();
});

async function openArticle(page: Page, subject: string): Promise<void> {
  await page.goto(`/mail/news?${new URLSearchParams({ group: GROUP })}`);
  await page.getByTestId("article-row").filter({ hasText: subject }).first().getByRole("link").click();
  await expect(page.getByTestId("message-subject")).toHaveText(subject);
}

test("an article's attachments download from its pane, byte for byte, with mail's safety headers", async ({ page }) => {
  await signIn(page);
  await openArticle(page, `Article with files ${TAG}`);
  const links = page.getByTestId("attachment-link");
  await expect(links).toHaveCount(2);
  await expect(page.getByTestId("attachment-preview")).toBeVisible();
  await expect.poll(() => page.getByTestId("attachment-preview").evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);

  const download = page.waitForEvent("download");
  await links.filter({ hasText: "report.bin" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("report.bin");
  const saved = await file.path();
  const { readFile } = await import("node:fs/promises");
  expect((await readFile(saved)).equals(BLOB)).toBe(true);

  const href = await links.filter({ hasText: "report.bin" }).getAttribute("href");
  const answer = await page.request.get(href!);
  expect(answer.headers()).toMatchObject({
    "content-type": "application/octet-stream",
    "x-content-type-options": "nosniff",
    "content-security-policy": "sandbox; default-src 'none'",
    "content-disposition": expect.stringContaining('attachment; filename="report.bin"'),
  });
  const missing = await page.request.get(href!.replace(/part=[^&]+/, "part=9"));
  expect(missing.status()).toBe(404);
  expect(await missing.text()).toContain("This attachment is not in the article.");
});

test("an article's remote images load only through Postern's image proxy, once asked for", async ({ page }) => {
  await signIn(page);
  await openArticle(page, `Article with a remote image ${TAG}`);
  await expect(page.getByTestId("remote-blocked")).toContainText("Remote images are blocked");
  expect(canary.hits).toEqual([]);

  const proxied = page.waitForResponse((r) => r.url().includes("/api/image-proxy?") && r.url().includes(encodeURIComponent(canary.origin)));
  await page.getByTestId("remote-blocked").getByRole("link", { name: "Show images" }).click();
  expect((await proxied).status()).toBe(200);
  const frame = page.frameLocator('[data-testid="html-body"]');
  await expect.poll(() => frame.locator("img[alt=remote]").evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);
  // the one request the image server saw was Postern's, not the browser's
  expect(canary.hits).toEqual([{ path: `/png/${TAG}.png`, dest: "", proxied: true }]);
});
