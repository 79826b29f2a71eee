import crypto from "node:crypto";
import path from "node:path";
import Database from "better-sqlite3";
import { simpleParser } from "mailparser";
import { expect, test } from "@playwright/test";
import { compose, removeIdentities, row, signIn } from "./helpers";
import { fetchBySubject } from "../tests/fixtures/mailbox-by-subject";
import { arrived, removeBySubject, withLabImap } from "./lab-imap";
import { pseudoSignIn } from "./pseudo-check";

// Issue 5 in the browser: bob writes to carol with an attachment, a failed send keeps the
// message, a draft saves itself and comes back from Drafts, a reply marks the original, Undo
// stops a message waiting out the send delay (SEND_DELAY_SECONDS, 10 s by default). What
// arrived is checked over IMAP as carol. Every subject carries this run's tag; the messages are
// removed afterwards.
const BOB = { email: "bob@example.test", password: "bob-pass" };
const CAROL = { email: "carol@example.test", password: "carol-pass" };
const TAG = crypto.randomBytes(3).toString("hex");
const FILE = { name: "plan-ü.bin", mimeType: "application/octet-stream", buffer: crypto.randomBytes(40_000) };
/** Long enough for the undo delay plus the composer's next status poll. */
const SENT_TIMEOUT = 30_000;

test.afterAll(async () => {
  await removeBySubject(BOB, ["INBOX", "Sent", "Drafts"], TAG);
  await removeBySubject(CAROL, ["INBOX"], TAG);
});

test.describe("compose and send", () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, BOB);
  });

  test("bob sends carol a message with an attachment; it arrives byte for byte and is in Sent", async ({ page }) => {
    const subject = `Plan für Freitag ${TAG}`;
    await compose(page, { to: "Carol Diaz <carol@example.test>", subject, body: "Hi Carol,\nthe plan is attached.\n— Bob" });
    await page.getByLabel("Attach files").setInputFiles(FILE);
    await expect(page.getByTestId("attached-file")).toContainText(FILE.name);
    await page.getByRole("button", { name: "Send" }).click();
    await expect(page.getByTestId("outbox")).toContainText("Sending in");
    // The wait runs on the server: a reload finds the message still waiting, then it goes.
    await page.reload();
    await expect(page.getByTestId("outbox")).toBeVisible();
    await expect(page).toHaveURL(/\/mail\?folder=INBOX.*notice=notices\.messageSent/, { timeout: SENT_TIMEOUT });
    await expect(page.getByTestId("mail-notice")).toHaveText("Message sent.");

    const received = await simpleParser((await arrived(CAROL, "INBOX", TAG)).source);
    expect(received.subject).toBe(subject);
    expect(received.text?.trimEnd()).toBe("Hi Carol,\nthe plan is attached.\n— Bob");
    expect(received.attachments[0]?.filename).toBe(FILE.name);
    expect(received.attachments[0]?.content.equals(FILE.buffer)).toBe(true);
    await arrived(BOB, "Sent", subject);
  });

  test("people bob wrote to are suggested as he types, and picked with the keyboard", async ({ page }) => {
    await compose(page, { to: `"Carol Suggest-${TAG}" <carol@example.test>`, subject: `Suggest ${TAG}`, body: "Hello" });
    await page.getByRole("button", { name: "Send" }).click();
    await expect(page).toHaveURL(/notice=notices\.messageSent/, { timeout: SENT_TIMEOUT });

    await page.goto("/mail/compose");
    const to = page.getByRole("combobox", { name: "To", exact: true });
    await to.pressSequentially(`suggest-${TAG}`.slice(0, 12));
    const option = page.getByRole("option", { name: `Carol Suggest-${TAG} <carol@example.test>` });
    await expect(option).toBeVisible();
    await to.press("Enter");
    await expect(to).toHaveValue(`Carol Suggest-${TAG} <carol@example.test>, `);
    await expect(page.getByRole("listbox", { name: "Suggested recipients" })).toHaveCount(0);
    // a second one after the comma, chosen with the mouse; Escape closes without choosing
    await to.pressSequentially("carol@");
    await page.getByRole("option", { name: `Carol Suggest-${TAG} <carol@example.test>` }).click();
    await expect(to).toHaveValue(`Carol Suggest-${TAG} <carol@example.test>, Carol Suggest-${TAG} <carol@example.test>, `);
    const suggestions = page.getByRole("listbox", { name: "Suggested recipients" });
    await to.pressSequentially("carol");
    await expect(suggestions).toBeVisible();
    await to.press("Escape");
    await expect(suggestions).toHaveCount(0);
    await expect(to).toHaveValue(/<carol@example\.test>, carol$/);
    await to.press("Backspace"); // a new question, with no answer: nothing is shown
    await to.pressSequentially("zz");
    await expect(suggestions).toHaveCount(0);
    await page.getByRole("button", { name: "Discard" }).click();
  });

  test("a refused recipient is named, and everything stays in the composer", async ({ page }) => {
    await compose(page, { to: "nobody@example.test", subject: `Refused ${TAG}`, body: "Do not lose me." });
    await page.getByRole("button", { name: "Send" }).click();
    await expect(page.getByTestId("compose-error")).toContainText("nobody@example.test: unknown user", { timeout: SENT_TIMEOUT });
    await expect(page.getByLabel("Message", { exact: true })).toHaveValue("Do not lose me.");
    await expect(page.getByLabel("To", { exact: true })).toHaveValue("nobody@example.test");
    await expect(page.getByTestId("compose-error")).toContainText("saved in Drafts");
  });

  test("a draft saves itself, survives a reload and reopens from Drafts", async ({ page }) => {
    const subject = `Half-written ${TAG}`;
    await compose(page, { to: "carol@example.test, half@", subject, body: "First thoughts" });
    await expect(page.getByTestId("draft-saved")).toBeVisible({ timeout: 15_000 });
    await expect(page).toHaveURL(/\/mail\/compose\?draft=\d+&folder=Drafts/);
    await page.goto("/mail?folder=Drafts");
    await row(page, subject).click();
    await page.getByTestId("edit-draft").click();
    await expect(page).toHaveURL(/\/mail\/compose\?draft=/);
    await expect(page.getByLabel("To", { exact: true })).toHaveValue("carol@example.test, half@");
    await expect(page.getByLabel("Subject")).toHaveValue(subject);
    await expect(page.getByLabel("Message", { exact: true })).toHaveValue("First thoughts");
    // Continue it: the new version replaces the old one in Drafts.
    await page.getByLabel("Message", { exact: true }).fill("First thoughts, then more");
    await expect(page.getByTestId("draft-saved")).toBeVisible({ timeout: 15_000 });
    await page.reload();
    await expect(page.getByLabel("Message", { exact: true })).toHaveValue("First thoughts, then more");
    const drafts = await withLabImap(BOB, (imap) => fetchBySubject(imap, "Drafts", subject));
    expect(drafts).toHaveLength(1);
  });

  test("Undo returns the message to the composer; only what is sent afterwards arrives", async ({ page }) => {
    const subject = `Second thoughts ${TAG}`;
    await compose(page, { to: "carol@example.test", subject, body: "First version" });
    await page.getByRole("button", { name: "Send" }).click();
    await page.getByTestId("outbox").getByRole("button", { name: "Undo" }).click();
    await expect(page.getByTestId("outbox")).toHaveCount(0);
    await expect(page).toHaveURL(/draft=\d+&folder=Drafts/);
    const message = page.getByLabel("Message", { exact: true });
    await expect(message).toBeEditable();
    await expect(message).toHaveValue("First version");
    await message.fill("Second version");
    await page.getByRole("button", { name: "Send" }).click();
    await expect(page).toHaveURL(/notice=notices\.messageSent/, { timeout: SENT_TIMEOUT });
    // Had the first one gone, it would have arrived before the second.
    const got = await arrived(CAROL, "INBOX", subject);
    expect((await simpleParser(got.source)).text?.trim()).toBe("Second version");
    expect(await withLabImap(CAROL, (imap) => fetchBySubject(imap, "INBOX", subject))).toHaveLength(1);
    expect(await withLabImap(BOB, (imap) => fetchBySubject(imap, "Drafts", subject))).toHaveLength(0);
  });

  test("a session that ends while writing: reload, sign in again, and the composer comes back with every word", async ({ page }) => {
    const subject = `Expired ${TAG}`;
    await compose(page, { to: "carol@example.test", subject, body: "Written before" });
    await expect(page.getByTestId("draft-saved")).toBeVisible({ timeout: 15_000 });
    // The session ends on the server (as after the idle timeout); the cookie stays in the browser.
    const db = new Database(path.join(import.meta.dirname, "../data/e2e/postern.db"));
    try {
      db.prepare('DELETE FROM "Session" WHERE "email" = ?').run(BOB.email);
    } finally {
      db.close();
    }
    await page.getByLabel("Message", { exact: true }).pressSequentially(" and after");
    await expect(page.getByTestId("draft-failed")).toContainText("Sign in again", { timeout: 15_000 });

    page.on("dialog", (d) => void d.accept()); // the leave-page warning: yes, reload
    await page.reload();
    await expect(page).toHaveURL(/\/login\?reason=expired&next=%2Fmail%2Fcompose/);
    await expect(page.getByTestId("login-message")).toContainText("Your session ended");
    await page.getByLabel("Email address").fill(BOB.email);
    await page.getByLabel("Password").fill(BOB.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/mail\/compose\?/, { timeout: 30_000 });
    await expect(page.getByLabel("Message", { exact: true })).toHaveValue("Written before and after");
    await expect(page.getByLabel("Subject")).toHaveValue(subject);
    await expect(page.getByTestId("compose-restored")).toContainText("Restored what you typed");
    await expect(page.getByTestId("draft-saved")).toBeVisible({ timeout: 15_000 });
    const saved = await arrived(BOB, "Drafts", subject);
    expect(saved.source.toString()).toContain("Written before and after");
    await page.getByRole("button", { name: "Discard" }).click();
    // settled in the mail view before the test ends: closing a page mid-navigation can hang
    await expect(page).toHaveURL(/\/mail\?folder=INBOX/);
    await expect(page.getByTestId("account")).toHaveText(BOB.email);
  });

  test("closing the tab with unsaved changes asks first", async ({ page }) => {
    await compose(page, { to: "carol@example.test", subject: `Unsaved ${TAG}`, body: "typed just now" });
    let asked = false;
    page.on("dialog", async (d) => {
      asked = d.type() === "beforeunload";
      await d.dismiss();
    });
    await page.close({ runBeforeUnload: true });
    await expect.poll(() => asked).toBe(true);
  });
});

test.describe("replying", () => {
  const subject = `Lunch ${TAG}?`;

  // Put in place before signing in: the message list reads the message count of the folder the
  // session already has open, which another connection's APPEND does not update.
  test.beforeAll(() =>
    withLabImap(BOB, (imap) =>
      imap.append("INBOX", `From: Carol Diaz <carol@example.test>\r\nTo: bob@example.test\r\nSubject: ${subject}\r\nMessage-ID: <lunch-${TAG}@example.test>\r\nDate: Mon, 2 Mar 2026 10:00:00 +0000\r\n\r\nNoon at the usual place?\r\n`),
    ),
  );

  test("reply from the reading pane quotes the original and marks it answered", async ({ page }) => {
    await signIn(page, BOB);
    await row(page, subject).click();
    await page.getByTestId("reply").click();
    await expect(page.getByLabel("To", { exact: true })).toHaveValue("Carol Diaz <carol@example.test>");
    await expect(page.getByLabel("Subject")).toHaveValue(`Re: ${subject}`);
    const message = page.getByLabel("Message", { exact: true });
    await expect(message).toHaveValue("\n\nOn Mon, 2 Mar 2026 at 10:00 UTC, Carol Diaz <carol@example.test> wrote:\n> Noon at the usual place?\n");
    // The caret starts above the quote.
    await message.click();
    await message.press("Control+Home");
    await message.pressSequentially("Sounds good.");
    await page.getByRole("button", { name: "Send" }).click();
    await expect(page).toHaveURL(/notice=notices\.messageSent/, { timeout: SENT_TIMEOUT });
    const reply = await simpleParser((await arrived(CAROL, "INBOX", `Re: ${subject}`)).source);
    expect(reply.inReplyTo).toBe(`<lunch-${TAG}@example.test>`);
    expect(reply.text).toBe("Sounds good.\n\nOn Mon, 2 Mar 2026 at 10:00 UTC, Carol Diaz <carol@example.test> wrote:\n> Noon at the usual place?\n");
    const [original] = await withLabImap(BOB, (imap) => fetchBySubject(imap, "INBOX", subject));
    expect(original.flags.has("\\Answered")).toBe(true);
  });
});

test.describe("identities", () => {
  test.afterAll(async ({ browser }) => {
    // Remove what the journey added, through the page like a user would.
    const page = await browser.newPage();
    await signIn(page, BOB);
    await removeIdentities(page);
    await page.close();
  });

  test("an identity with a signature is offered in From; switching swaps the signature", async ({ page }) => {
    await signIn(page, BOB);
    await page.goto("/mail/identities");
    const add = page.getByRole("region", { name: "Add an identity" });
    await add.getByLabel("Name").fill("Bob Martin");
    await add.getByLabel("Email address").fill("bob@example.test");
    await add.getByLabel(/^Signature/).fill("Bob\nPostern team");
    await add.getByRole("button", { name: "Add identity" }).click();
    await expect(page.getByTestId("identity-notice")).toHaveText("Saved “Bob Martin <bob@example.test>”.");
    await add.getByLabel("Name").fill("Sales");
    await add.getByLabel("Email address").fill("sales@example.test");
    await add.getByLabel(/^Signature/).fill("Sales desk");
    await add.getByRole("button", { name: "Add identity" }).click();
    await expect(page.getByTestId("identity")).toHaveCount(2);

    await page.goto("/mail/compose");
    const message = page.getByLabel("Message", { exact: true });
    await expect(page.getByLabel("From")).toHaveValue(/.+/);
    await expect(message).toHaveValue("\n\n-- \nBob\nPostern team\n");
    await page.getByLabel("From").selectOption({ label: "Sales <sales@example.test>" });
    await expect(message).toHaveValue("\n\n-- \nSales desk\n");
  });
});

test.describe("in German", () => {
  test.use({ locale: "de-DE", timezoneId: "Europe/Berlin" });

  test("a reply's attribution is in German and in the writer's time zone", async ({ page }) => {
    const subject = `Mittag ${TAG}`;
    await withLabImap(BOB, (imap) =>
      imap.append("INBOX", `From: Carol Diaz <carol@example.test>\r\nTo: bob@example.test\r\nSubject: ${subject}\r\nDate: Mon, 2 Mar 2026 10:00:00 +0000\r\n\r\nWie immer?\r\n`),
    );
    await pseudoSignIn(page, BOB);
    // the mail page tells the server the writer's zone (app/i18n/time-zone-cookie.tsx)
    await expect.poll(async () => (await page.context().cookies()).find((c) => c.name === "tz")?.value).toBe(encodeURIComponent("Europe/Berlin"));
    await row(page, subject).click();
    await page.getByTestId("reply").click();
    await expect(page.getByLabel("Nachricht", { exact: true })).toHaveValue("\n\nAm 02.03.2026, 11:00 schrieb Carol Diaz <carol@example.test>:\n> Wie immer?\n");
  });

  test("a refused recipient is named with the cause and the server's own words", async ({ page }) => {
    await pseudoSignIn(page, BOB);
    await page.goto("/mail/compose");
    await page.locator("#compose-to").fill("nobody@example.test");
    await page.locator("#compose-subject").fill(`Abgelehnt ${TAG}`);
    await page.getByLabel("Nachricht", { exact: true }).fill("Nicht verlieren.");
    await page.getByRole("button", { name: "Senden" }).click();
    const error = page.getByTestId("compose-error");
    // the cause in German, the address and Postfix's reply as it said it
    await expect(error).toContainText("nobody@example.test: unbekannter Empfänger", { timeout: SENT_TIMEOUT });
    await expect(error).toContainText("550 5.1.1");
    await expect(page.getByLabel("Nachricht", { exact: true })).toHaveValue("Nicht verlieren.");
  });
});
