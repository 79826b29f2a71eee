import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { compose, signIn } from "./helpers";
import { fetchBySubject } from "../tests/fixtures/mailbox-by-subject";
import { arrived, removeBySubject, withLabImap } from "./lab-imap";
import { startPostern, type PosternProcess } from "./postern-process";
import { startTempfailSmtp } from "../tests/integration/tempfail-smtp";

// Issue 18 items 7 and 8, issue 19's undo-send queue, in the browser: what bob sees when a
// queued send fails for a while on the server's side, when Postern is restarted while the message
// waits, and when the outbox no longer knows a message the composer follows. A second Postern
// (same build, own port and data directory) is started where the journey needs its own settings
// or a restart.
const BOB = { email: "bob@example.test", password: "bob-pass" };
const CAROL = { email: "carol@example.test", password: "carol-pass" };
const TAG = crypto.randomBytes(3).toString("hex");
const SECOND_PORT = Number(process.env.E2E_PORT ?? 3100) + 1;
const SECOND_DATA = "data/e2e-outbox";

test.afterAll(async () => {
  await removeBySubject(BOB, ["Sent", "Drafts"], TAG);
  await removeBySubject(CAROL, ["INBOX"], TAG);
});

async function pageOn(browser: Browser, server: PosternProcess): Promise<Page> {
  const context = await browser.newContext({ baseURL: server.url });
  return context.newPage();
}

const closeContexts = (browser: Browser) => Promise.all(browser.contexts().map((c) => c.close()));

/** Starting a Postern server (twice for a restart) takes a while on a busy machine. */
const WITH_SERVER_TIMEOUT = 180_000;

const draftsOf = (subject: string) => withLabImap(BOB, (imap) => fetchBySubject(imap, "Drafts", subject));

test.describe("send with undo, when things go wrong", () => {
  test("the outgoing server fails for a while (454): the composer says so and the message is in Drafts", async ({ browser }) => {
    test.setTimeout(WITH_SERVER_TIMEOUT);
    const smtp = await startTempfailSmtp();
    fs.rmSync(SECOND_DATA, { recursive: true, force: true });
    const server = await startPostern({ port: SECOND_PORT, dataDir: SECOND_DATA, env: { SMTP_PORT: String(smtp.port), SMTP_TLS: "none", SEND_DELAY_SECONDS: "2" } });
    try {
      const page = await pageOn(browser, server);
      await signIn(page, BOB);
      const subject = `Auth backend down ${TAG}`;
      await compose(page, { to: "carol@example.test", subject, body: "Please do not lose me." });
      await page.getByRole("button", { name: "Send" }).click();
      await expect(page.getByTestId("outbox")).toContainText("Sending");
      const error = page.getByTestId("compose-error");
      await expect(error).toContainText("Not sent — saved in Drafts: the outgoing mail server cannot take it right now (a temporary failure). Please try again later.", { timeout: 20_000 });
      await expect(error).not.toContainText("authentication failed");
      await expect(page.getByTestId("outbox")).toHaveCount(0);
      await expect(page.getByLabel("Message", { exact: true })).toHaveValue("Please do not lose me.");
      await expect(page.getByLabel("Message", { exact: true })).toBeEditable();
      expect(await draftsOf(subject)).toHaveLength(1);
    } finally {
      await closeContexts(browser);
      await server.kill();
      await smtp.close();
    }
  });

  test("Postern is killed while the message waits: after the restart the composer follows it until it is sent, once", async ({ browser }) => {
    test.setTimeout(WITH_SERVER_TIMEOUT);
    fs.rmSync(SECOND_DATA, { recursive: true, force: true });
    const env = { SEND_DELAY_SECONDS: "5" };
    let server = await startPostern({ port: SECOND_PORT, dataDir: SECOND_DATA, env });
    try {
      const page = await pageOn(browser, server);
      await signIn(page, BOB);
      const subject = `Survives a restart ${TAG}`;
      await compose(page, { to: "carol@example.test", subject, body: "Sent once, whatever happens." });
      await page.getByRole("button", { name: "Send" }).click();
      await expect(page.getByTestId("outbox")).toContainText("Sending in");
      await server.kill("SIGKILL");
      await expect(page.getByTestId("outbox-unanswered")).toContainText("Postern cannot be reached right now; still asking.");
      server = await startPostern({ port: SECOND_PORT, dataDir: SECOND_DATA, env });
      // The composer kept asking while Postern was down; the new process sends it and says so.
      await expect(page).toHaveURL(/notice=notices\.messageSent/, { timeout: 60_000 });
      await expect(page.getByTestId("mail-notice")).toHaveText("Message sent.");
      await arrived(CAROL, "INBOX", subject);
      await arrived(BOB, "Sent", subject);
      expect(await withLabImap(CAROL, (imap) => fetchBySubject(imap, "INBOX", subject))).toHaveLength(1);
      expect(await draftsOf(subject)).toHaveLength(0);
    } finally {
      await closeContexts(browser);
      await server.kill();
    }
  });

  test("the outbox no longer knows the message: the composer says it was not sent and it is in Drafts, also after a reload", async ({ page }) => {
    await signIn(page, BOB);
    const subject = `Lost entry ${TAG}`;
    await compose(page, { to: "carol@example.test", subject, body: "Where did I go?" });
    await page.getByRole("button", { name: "Send" }).click();
    await expect(page.getByTestId("outbox")).toContainText("Sending in");
    await expect(page).toHaveURL(/outbox=/);
    const followed = page.url();
    // The entry disappears on the server side (as an expired record would).
    const db = new Database(path.join(import.meta.dirname, "../data/e2e/postern.db"));
    try {
      db.prepare(`DELETE FROM "OutboxJob" WHERE "account" = ? AND "state" = 'waiting'`).run(BOB.email);
    } finally {
      db.close();
    }
    const error = page.getByTestId("compose-error");
    await expect(error).toContainText("Not sent — still in Drafts", { timeout: 15_000 });
    await expect(page.getByTestId("outbox")).toHaveCount(0);
    await expect(page.getByLabel("Message", { exact: true })).toBeEditable();
    page.on("dialog", (d) => void d.accept()); // a leave-page warning, if any: yes, leave
    await page.goto(followed);
    await expect(page.getByTestId("compose-error")).toContainText("Not sent — still in Drafts");
    await expect(page.getByLabel("Message", { exact: true })).toHaveValue("Where did I go?");
    expect(await draftsOf(subject)).toHaveLength(1);
  });
});
