import { expect, test } from "@playwright/test";
import { ALICE, row, signIn } from "./helpers";
import { emptyFolders, removeBySubject, withLabImap } from "./lab-imap";
import { BOB, sendAs } from "./lab-smtp";

// Issue 22, POP3 collection: bob writes to alice's other mailbox (the lab user pop3@example.test);
// alice adds that mailbox in Settings > Collect mail, presses Fetch now, and reads the message in
// the folder she chose. A server typed as 127.0.0.1 is refused (only INTERNAL_HOSTS' "localhost").
const SOURCE = { email: "pop3@example.test", password: "pop3-pass" };
const POP3_PORT = process.env.LAB_POP3_PORT ?? "3110";

test("collecting another mailbox over POP3 into a folder", async ({ page }) => {
  test.setTimeout(120_000);
  const subject = `Collected over POP3 ${Date.now()}`;
  await withLabImap(SOURCE, (imap) => emptyFolders(imap, ["INBOX"]));
  await sendAs(BOB, { to: SOURCE.email, subject });
  await expect
    .poll(() => withLabImap(SOURCE, async (imap) => {
        const status = await imap.status("INBOX", { messages: true });
        return status ? status.messages : 0;
      }), { timeout: 30_000 })
    .toBe(1);

  await signIn(page, ALICE);
  await page.goto("/mail/settings");
  await page.getByRole("link", { name: /Fetch mail from other mailboxes/ }).click();
  await expect(page.getByRole("heading", { name: "Collect mail (POP3)" })).toBeVisible();
  // remove what an earlier run may have left
  for (let left = await page.getByTestId("pop3-account").count(); left > 0; left--) {
    await page.getByRole("button", { name: "Remove" }).first().click();
    await expect(page.getByTestId("pop3-account")).toHaveCount(left - 1);
  }

  const fill = async (host: string) => {
    await page.getByLabel("Server", { exact: true }).fill(host);
    await page.getByLabel("Port", { exact: true }).fill(POP3_PORT);
    await page.getByRole("combobox", { name: "Security" }).selectOption("starttls");
    await page.getByLabel("User name", { exact: true }).fill(SOURCE.email);
    await page.getByLabel("Password", { exact: true }).fill(SOURCE.password);
    await page.getByRole("combobox", { name: "Into folder" }).selectOption("Archive");
    await page.getByRole("button", { name: "Add account" }).click();
  };
  await fill("127.0.0.1");
  await expect(page.getByTestId("collect-notice")).toContainText("private or local address");
  await expect(page.getByTestId("pop3-account")).toHaveCount(0);

  await fill("localhost");
  await expect(page.getByTestId("collect-notice")).toContainText("1 message waiting");
  const account = page.getByTestId("pop3-account");
  await expect(account).toContainText(`${SOURCE.email} on localhost:${POP3_PORT}`);
  await expect(account.getByTestId("pop3-status")).toHaveText("Not fetched yet.");

  await account.getByRole("button", { name: "Fetch now" }).click();
  await expect(page.getByTestId("collect-notice")).toHaveText("Fetched 1 message into Archive.");
  await expect(account.getByTestId("pop3-status")).toContainText("Last fetched");
  // nothing twice
  await account.getByRole("button", { name: "Fetch now" }).click();
  await expect(page.getByTestId("collect-notice")).toHaveText("Fetched 0 messages into Archive.");

  await page.goto("/mail?folder=Archive");
  await expect(row(page, subject)).toHaveCount(1);

  // the page fits a phone's 320 px screen, account and form included
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto("/mail/collect");
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
  await page.getByRole("button", { name: "Remove" }).click();
  await expect(page.getByTestId("pop3-account")).toHaveCount(0);
  await removeBySubject(ALICE, ["Archive"], subject);
});
