import crypto from "node:crypto";
import { simpleParser } from "mailparser";
import { expect, test, type Page } from "@playwright/test";
import { removeIdentities, row, signIn } from "./helpers";
import { arrived, removeBySubject, withLabImap } from "./lab-imap";

// Issue 5, rich text: bob writes bold text, a list and a pasted image in the rich-text editor and
// sends it to carol; it arrives as multipart/alternative + related with sanitized HTML, and
// carol sees the bold text in her mailbox. A rich draft saved and reopened keeps its formatting.
// bob and carol as in compose.spec.ts (the runner runs specs one after another).
const BOB = { email: "bob@example.test", password: "bob-pass" };
const CAROL = { email: "carol@example.test", password: "carol-pass" };
const TAG = crypto.randomBytes(3).toString("hex");
const SENT_TIMEOUT = 30_000;
// A 1×1 PNG.
const PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";

test.afterAll(async () => {
  await removeBySubject(BOB, ["INBOX", "Sent", "Drafts"], TAG);
  await removeBySubject(CAROL, ["INBOX"], TAG);
});

/** Opens the composer in rich-text mode and writes bold text and a two-item list. */
async function writeRich(page: Page, subject: string) {
  await page.goto("/mail/compose");
  await page.getByLabel("To", { exact: true }).fill("carol@example.test");
  await page.getByLabel("Subject").fill(subject);
  await page.getByRole("button", { name: "Rich text" }).click();
  const editor = page.getByTestId("rich-editor");
  await editor.click();
  // Written, then the last two words selected and made bold, as a person does.
  await page.keyboard.type("Plain start Bold words");
  for (let i = 0; i < "Bold words".length; i++) await page.keyboard.press("Shift+ArrowLeft");
  await page.getByRole("button", { name: "Bold" }).click();
  await expect(page.getByRole("button", { name: "Bold" })).toHaveAttribute("aria-pressed", "true");
  await page.keyboard.press("End");
  await page.keyboard.press("Enter");
  await page.getByRole("button", { name: "Bulleted list" }).click();
  await page.keyboard.type("first item");
  await page.keyboard.press("Enter");
  await page.keyboard.type("second item");
  await expect(editor.locator("strong")).toHaveText("Bold words");
  await expect(editor.locator("ul > li")).toHaveCount(2);
  return editor;
}

/** A paste as the browser delivers it, with `html` and/or an image file on the clipboard. */
async function paste(page: Page, opts: { html?: string; png?: string }) {
  await page.getByTestId("rich-editor").evaluate((el, { html, png }) => {
    const data = new DataTransfer();
    if (html) data.setData("text/html", html);
    if (png) data.items.add(new File([Uint8Array.from(atob(png), (c) => c.charCodeAt(0))], "dot.png", { type: "image/png" }));
    el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, opts);
}

test.describe("rich-text compose", () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, BOB);
  });

  test("bold text, a list and a pasted image arrive as sanitized HTML with a text part; carol sees the bold text", async ({ page }) => {
    const subject = `Rich plan ${TAG}`;
    const editor = await writeRich(page, subject);
    await page.keyboard.press("Enter");
    await page.keyboard.press("Enter");
    await paste(page, { html: '<p onclick="alert(1)">Pasted <b>too</b><script>alert(2)</script></p>' });
    await paste(page, { png: PNG });
    await expect(editor.locator('img[src^="data:image/png"]')).toHaveCount(1);
    await page.getByRole("button", { name: "Send" }).click();
    await expect(page).toHaveURL(/\/mail\?folder=INBOX.*notice=notices\.messageSent/, { timeout: SENT_TIMEOUT });

    const found = await arrived(CAROL, "INBOX", TAG);
    const raw = found.source.toString("latin1");
    expect(raw).toMatch(/Content-Type: multipart\/alternative/i);
    expect(raw).toMatch(/Content-Type: multipart\/related/i);
    const received = await simpleParser(found.source);
    expect(received.html).toContain("<strong>Bold words</strong>");
    expect(received.html).toMatch(/<ul><li><p>first item<\/p><\/li><li><p>second item<\/p><\/li><\/ul>/);
    expect(received.html).not.toMatch(/onclick|<script|alert/);
    expect(received.text).toContain("Plain start Bold words\n\n * first item\n * second item");
    expect(received.attachments.find((a) => a.contentType === "image/png")?.content.toString("base64")).toBe(PNG);

    await page.context().clearCookies();
    await signIn(page, CAROL);
    await row(page, subject).click();
    const body = page.frameLocator('[data-testid="html-body"]');
    await expect(body.locator("strong", { hasText: "Bold words" })).toBeVisible();
    await expect(body.locator("li")).toHaveCount(2);
  });

  test("a rich draft is saved as HTML and reopens as rich text with its formatting and image", async ({ page }) => {
    const subject = `Rich draft ${TAG}`;
    const editor = await writeRich(page, subject);
    await paste(page, { png: PNG });
    await expect(page.getByTestId("draft-saved")).toBeVisible({ timeout: 15_000 });
    await expect(page).toHaveURL(/\/mail\/compose\?draft=\d+&folder=Drafts/);
    const saved = await simpleParser((await arrived(BOB, "Drafts", subject)).source);
    expect(saved.html).toContain("<strong>Bold words</strong>");

    await page.reload();
    await expect(page.getByRole("button", { name: "Rich text" })).toHaveAttribute("aria-pressed", "true");
    await expect(editor.locator("strong")).toHaveText("Bold words");
    await expect(editor.locator("ul > li")).toHaveCount(2);
    await expect(editor.locator('img[src^="data:image/png"]')).toHaveCount(1);
    // The image is part of the body, not a file of the message.
    await expect(page.getByTestId("attached-file")).toHaveCount(0);

    // From Drafts, the same; switching to plain text asks first, and keeps the words.
    await page.goto("/mail?folder=Drafts");
    await row(page, subject).click();
    await page.getByTestId("edit-draft").click();
    await expect(editor.locator("strong")).toHaveText("Bold words");
    page.once("dialog", (d) => void d.accept());
    await page.getByRole("button", { name: "Plain text" }).click();
    await expect(page.getByRole("button", { name: "Plain text" })).toHaveAttribute("aria-pressed", "true");
    await expect(page.getByLabel("Message", { exact: true })).toHaveValue("Plain start Bold words\n\n * first item\n * second item");
  });
});

test.describe("rich text, nothing lost", () => {
  test("a reload right after typing keeps the rich text and its formatting", async ({ page }) => {
    await signIn(page, BOB);
    const editor = await writeRich(page, `Rich reload ${TAG}`);
    // Whether the autosave came first (the URL follows the draft) or not (the tab's own copy).
    await page.reload();
    await expect(page.getByRole("button", { name: "Rich text" })).toHaveAttribute("aria-pressed", "true");
    await expect(editor.locator("strong")).toHaveText("Bold words");
    await expect(editor.locator("ul > li")).toHaveCount(2);
    await expect(page.getByTestId("draft-saved")).toBeVisible({ timeout: 15_000 });
  });
});

test.describe("rich text by default", () => {
  const subject = `Rich lunch ${TAG}`;
  // Before signing in (see compose.spec.ts: the list reads the count of the folder already open).
  test.beforeAll(() =>
    withLabImap(BOB, (imap) =>
      imap.append("INBOX", `From: Carol Diaz <carol@example.test>\r\nTo: bob@example.test\r\nSubject: ${subject}\r\nMessage-ID: <rich-lunch-${TAG}@example.test>\r\nDate: Mon, 2 Mar 2026 10:00:00 +0000\r\n\r\nNoon at the usual place?\r\n`),
    ),
  );
  test.afterAll(async ({ browser }) => {
    // Back to how bob was: plain text, no identities.
    const page = await browser.newPage();
    await signIn(page, BOB);
    await page.goto("/mail/settings");
    await page.getByLabel(/Write new messages, replies and forwards as plain text/).check();
    await page.getByRole("region", { name: "Writing" }).getByRole("button", { name: "Save" }).click();
    await expect(page.getByTestId("settings-notice")).toHaveText("Writing settings saved.");
    await removeIdentities(page);
    await page.close();
  });

  test("set in Settings: a reply opens in rich text, quotes in a blockquote, and From swaps the signature", async ({ page }) => {
    await signIn(page, BOB);
    await page.goto("/mail/settings");
    await page.getByLabel(/Write them as rich text/).check();
    await page.getByRole("region", { name: "Writing" }).getByRole("button", { name: "Save" }).click();
    await expect(page.getByTestId("settings-notice")).toHaveText("Writing settings saved.");
    await page.goto("/mail/identities");
    const add = page.getByRole("region", { name: "Add an identity" });
    for (const [name, address, signature] of [["Bob Martin", "bob@example.test", "Bob\nPostern team"], ["Sales", "sales@example.test", "Sales desk"]]) {
      await add.getByLabel("Name").fill(name);
      await add.getByLabel("Email address").fill(address);
      await add.getByLabel(/^Signature/).fill(signature);
      await add.getByRole("button", { name: "Add identity" }).click();
      await expect(page.getByTestId("identity-notice")).toContainText(address);
    }

    await page.goto("/mail?folder=INBOX");
    await row(page, subject).click();
    await page.getByTestId("reply").click();
    await expect(page.getByRole("button", { name: "Rich text" })).toHaveAttribute("aria-pressed", "true");
    const editor = page.getByTestId("rich-editor");
    await expect(editor.locator("blockquote")).toHaveText("Noon at the usual place?");
    await expect(editor).toContainText("On Mon, 2 Mar 2026 at 10:00 UTC, Carol Diaz <carol@example.test> wrote:");
    await expect(editor).toContainText("Postern team");
    await page.getByLabel("From").selectOption({ label: "Sales <sales@example.test>" });
    await expect(editor).toContainText("Sales desk");
    await expect(editor).not.toContainText("Postern team");

    await editor.locator("p").first().click();
    await page.keyboard.type("Sounds good.");
    await page.getByRole("button", { name: "Send" }).click();
    await expect(page).toHaveURL(/notice=notices\.messageSent/, { timeout: SENT_TIMEOUT });
    const reply = await simpleParser((await arrived(CAROL, "INBOX", `Re: ${subject}`)).source);
    expect(reply.inReplyTo).toBe(`<rich-lunch-${TAG}@example.test>`);
    expect(reply.html).toMatch(/<p>Sounds good\.<\/p><p>-- <br \/>Sales desk<\/p><p>On .* wrote:<\/p><blockquote><p>Noon at the usual place\?<\/p><\/blockquote>/);
    expect(reply.text).toBe("Sounds good.\n\n-- \nSales desk\n\nOn Mon, 2 Mar 2026 at 10:00 UTC, Carol Diaz <carol@example.test> wrote:\n\n> Noon at the usual place?");
  });
});
