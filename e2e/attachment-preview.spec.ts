import { expect, test } from "@playwright/test";
import { CORPUS_FILES, SUBJECTS } from "../mail-lab/seed/corpus.mjs";
import { row, signIn } from "./helpers";
import { removeBySubject, withLabImap } from "./lab-imap";
import { BOB } from "./lab-smtp";

// Issue 8: an attachment whose bytes are a PNG/JPEG/GIF/WebP is shown as a preview and served
// inline; anything else, including HTML that claims to be a PNG, stays a download.

const TAG = `preview-${Date.now()}`;
const SUBJECT = `Fake picture ${TAG}`;

test.beforeAll(async () => {
  const boundary = "=_fake_png";
  const raw = [
    "From: Mallory <mallory@example.test>",
    `To: ${BOB.email}`,
    `Subject: ${SUBJECT}`,
    `Message-ID: <${TAG}@example.test>`,
    "MIME-Version: 1.0",
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    "",
    `--${boundary}`,
    "Content-Type: text/plain; charset=utf-8",
    "",
    "A picture, honestly.",
    `--${boundary}`,
    'Content-Type: image/png; name="photo.png"',
    'Content-Disposition: attachment; filename="photo.png"',
    "Content-Transfer-Encoding: base64",
    "",
    Buffer.from("<html><body><script>alert(document.domain)</script></body></html>").toString("base64"),
    `--${boundary}--`,
    "",
  ].join("\r\n");
  await withLabImap(BOB, (imap) => imap.append("INBOX", raw, ["\\Seen"]));
});

test.afterAll(async () => {
  await removeBySubject(BOB, ["INBOX"], TAG).catch(() => undefined);
});

test("a real PNG attachment shows as a preview and is served inline", async ({ page }) => {
  await signIn(page);
  await row(page, SUBJECTS.png).click();
  const link = page.getByTestId("attachment-link").filter({ hasText: CORPUS_FILES.png.name });
  const preview = link.getByTestId("attachment-preview");
  await expect(preview).toBeVisible();
  await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  const answer = await page.request.get((await link.getAttribute("href"))!);
  expect(answer.headers()["content-type"]).toBe("image/png");
  expect(answer.headers()["content-disposition"]).toMatch(/^inline; filename="team-photo.png"/);
  expect(answer.headers()["x-content-type-options"]).toBe("nosniff");
  expect(answer.headers()["content-security-policy"]).toBe("sandbox; default-src 'none'");
  expect((await answer.body()).equals(CORPUS_FILES.png.bytes())).toBe(true);
  // the link still downloads the file
  expect(await link.getAttribute("download")).toBe(CORPUS_FILES.png.name);
});

test("HTML declared as a PNG gets no preview and stays a download", async ({ page }) => {
  await signIn(page, BOB);
  await row(page, SUBJECT).click();
  const link = page.getByTestId("attachment-link").filter({ hasText: "photo.png" });
  await expect(link).toBeVisible();
  await expect(link.getByTestId("attachment-preview")).toHaveCount(0);
  const answer = await page.request.get((await link.getAttribute("href"))!);
  expect(answer.headers()["content-disposition"]).toMatch(/^attachment; filename="photo.png"/);
  expect(answer.headers()["content-security-policy"]).toBe("sandbox; default-src 'none'");
  expect(answer.headers()["x-content-type-options"]).toBe("nosniff");
});
