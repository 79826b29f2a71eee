import { expect, test } from "@playwright/test";
import { type CanaryServer, startCanary } from "./canary-server";
import { row, signIn } from "./helpers";
import { removeBySubject, withLabImap } from "./lab-imap";
import { BOB } from "./lab-smtp";

// Issue 8, image proxy: once bob chooses "Show images", the message's remote image is fetched by
// Postern (the image server sees Postern's user agent, no browser fetch metadata), never by the
// browser; an image on a private address is refused by the proxy without any connection.
// IMAGE_PROXY_ALLOW_LOOPBACK=1 (playwright.config.ts) lets the proxy reach the test server on
// 127.0.0.1; 10.0.0.1 stays refused.

const TAG = `proxy-${Date.now()}`;
const SUBJECT = `Image proxy ${TAG}`;
let canary: CanaryServer;

test.beforeAll(async () => {
  canary = await startCanary(() => "");
  const html = [
    "<p>Pictures below.</p>",
    `<img alt="public" src="${canary.origin}/png/${TAG}.png">`,
    `<img alt="private" src="http://10.0.0.1/png/${TAG}.png">`,
  ].join("\n");
  const raw = [
    `From: Pictures <pictures@example.test>`,
    `To: ${BOB.email}`,
    `Subject: ${SUBJECT}`,
    `Date: ${new Date().toUTCString()}`,
    `Message-ID: <${TAG}@example.test>`,
    "MIME-Version: 1.0",
    "Content-Type: text/html; charset=utf-8",
    "",
    html,
    "",
  ].join("\r\n");
  await withLabImap(BOB, (imap) => imap.append("INBOX", raw));
});

test.afterAll(async () => {
  await canary?.close();
  await removeBySubject(BOB, ["INBOX"], TAG).catch(() => undefined);
});

test("shown images come through Postern: the image server never sees the browser, a private address is refused", async ({ page, baseURL }) => {
  await signIn(page, BOB);
  await row(page, SUBJECT).click();
  await expect(page.getByTestId("remote-blocked")).toContainText("Remote images are blocked");
  expect(canary.hits).toEqual([]);

  const isProxied = (url: string, target: string) => url.includes("/api/image-proxy?") && url.includes(encodeURIComponent(target));
  const publicImage = page.waitForResponse((r) => isProxied(r.url(), canary.origin));
  // an error answer (JSON) to an image request is withheld from the page by the browser (ORB):
  // the request fails, and asking the same URL directly shows why
  const privateImage = page.waitForEvent("requestfailed", (r) => isProxied(r.url(), "http://10.0.0.1/"));
  await page.getByTestId("remote-blocked").getByRole("link", { name: "Show images" }).click();

  const proxied = await publicImage;
  expect(new URL(proxied.url()).origin).toBe(new URL(baseURL!).origin);
  expect(proxied.status()).toBe(200);
  expect(proxied.headers()["content-type"]).toBe("image/png");
  expect(proxied.headers()["x-content-type-options"]).toBe("nosniff");
  expect(proxied.headers()["content-security-policy"]).toBe("sandbox; default-src 'none'");
  expect(proxied.headers()["cache-control"]).toBe("private, max-age=86400");
  const refused = await page.request.get((await privateImage).url());
  expect(refused.status()).toBe(403);
  expect(await refused.text()).toContain("private or local address");

  const frame = page.frameLocator('[data-testid="html-body"]');
  await expect.poll(() => frame.locator("img[alt=public]").evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);
  expect(await frame.locator("img[alt=private]").evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(0);
  // exactly one request reached the image server, and it was Postern's
  expect(canary.hits).toEqual([{ path: `/png/${TAG}.png`, dest: "", proxied: true }]);

  // the proxy fetches only what Postern signed, and only while the session it was signed for lasts
  const tampered = new URL(proxied.url());
  tampered.searchParams.set("u", `${canary.origin}/png/other.png`);
  expect((await page.request.get(tampered.href)).status()).toBe(403);
  tampered.searchParams.set("s", "");
  expect((await page.request.get(tampered.href)).status()).toBe(403);
  const otherSession = new URL(proxied.url());
  otherSession.searchParams.set("v", "c29tZW9uZS1lbHNl");
  expect((await page.request.get(otherSession.href)).status()).toBe(403);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  expect((await page.request.get(proxied.url())).status()).toBe(401);
  expect(canary.hits).toHaveLength(1);
});
