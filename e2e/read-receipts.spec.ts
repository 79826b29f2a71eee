import crypto from "node:crypto";
import { expect, test } from "@playwright/test";
import { row, signIn } from "./helpers";
import { uidsBySubject } from "../tests/fixtures/mailbox-by-subject";
import { removeBySubject, withLabImap } from "./lab-imap";

// Incoming read-receipt requests (issue 6): carol's mail to bob asks for one. With the default
// setting nothing is asked or sent; after bob chooses "Ask me each time", opening it asks, and
// his "Send read receipt" delivers an RFC 8098 receipt to carol. Messages carry this run's tag
// and are removed afterwards; the setting is put back.
const BOB = { email: "bob@example.test", password: "bob-pass" };
const CAROL = { email: "carol@example.test", password: "carol-pass" };
const TAG = crypto.randomBytes(3).toString("hex");

async function countTagged(user: typeof BOB, text: string): Promise<number> {
  return withLabImap(user, async (imap) => (await uidsBySubject(imap, "INBOX", text)).length);
}

test.afterAll(async () => {
  await removeBySubject(BOB, ["INBOX"], TAG);
  await removeBySubject(CAROL, ["INBOX"], TAG);
});

async function choosePolicy(page: import("@playwright/test").Page, label: RegExp) {
  await page.goto("/mail/settings");
  const section = page.getByRole("region", { name: "Read receipts others ask for" });
  await section.getByLabel(label).check();
  await section.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("settings-notice")).toHaveText("Read receipt settings saved.");
}

test("a read-receipt request is asked about only when bob wants, and answered only on his word", async ({ page }) => {
  const subject = `Did you get it ${TAG}`;
  await withLabImap(BOB, (imap) =>
    imap.append(
      "INBOX",
      Buffer.from(
        [
          "From: Carol Diaz <carol@example.test>",
          "To: bob@example.test",
          `Subject: ${subject}`,
          `Message-ID: <${TAG}@example.test>`,
          "Disposition-Notification-To: carol@example.test",
          "Content-Type: text/plain; charset=utf-8",
          "",
          "Please confirm.",
          "",
        ].join("\r\n"),
      ),
      [],
    ),
  );
  await signIn(page, BOB);
  // Default: ignored, not even asked.
  await row(page, subject).click();
  await expect(page.getByTestId("text-body")).toContainText("Please confirm.");
  await expect(page.getByTestId("mdn-prompt")).toHaveCount(0);

  await choosePolicy(page, /Ask me each time/);
  try {
    await page.goto("/mail");
    await row(page, subject).click();
    const prompt = page.getByTestId("mdn-prompt");
    await expect(prompt).toContainText("carol@example.test asks to be told that you have read this message.");
    await prompt.getByRole("button", { name: "Send read receipt" }).click();
    await expect(prompt).toHaveText("Read receipt sent to carol@example.test.");
    await expect.poll(() => countTagged(CAROL, `Read: ${subject}`), { timeout: 20_000 }).toBe(1);
    // Answered ($MDNSent): never asked again.
    await page.reload();
    await expect(page.getByTestId("text-body")).toContainText("Please confirm.");
    await expect(page.getByTestId("mdn-prompt")).toHaveCount(0);
  } finally {
    await choosePolicy(page, /Ignore requests/);
  }
});
