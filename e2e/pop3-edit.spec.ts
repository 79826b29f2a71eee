import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";
import { expectFingerSized, expectNoSidewaysScroll } from "./phone-fit";
import { emptyFolders, removeBySubject, withLabImap } from "./lab-imap";

// Issue 22: a POP3 collection account is changed in place (here its folder), and what it collected
// before the change does not come again. The source is the lab user pop3@example.test.
const SOURCE = { email: "pop3@example.test", password: "pop3-pass" };
const POP3_PORT = process.env.LAB_POP3_PORT ?? "3110";
const subject = `Collected before the change ${Date.now()}`;

test("change a POP3 account's folder; mail collected before is not collected again", async ({ page }) => {
  test.setTimeout(120_000);
  await withLabImap(SOURCE, async (imap) => {
    await emptyFolders(imap, ["INBOX"]);
    await imap.append("INBOX", `From: carol@example.test\r\nTo: ${SOURCE.email}\r\nSubject: ${subject}\r\nDate: ${new Date().toUTCString()}\r\n\r\nHello.\r\n`);
  });
  await signIn(page);
  await page.goto("/mail/collect");
  for (let left = await page.getByTestId("pop3-account").count(); left > 0; left--) {
    await page.getByRole("button", { name: "Remove" }).first().click();
    await expect(page.getByTestId("pop3-account")).toHaveCount(left - 1);
  }
  await page.getByLabel("Server", { exact: true }).fill("localhost");
  await page.getByLabel("Port", { exact: true }).fill(POP3_PORT);
  await page.getByRole("combobox", { name: "Security" }).selectOption("starttls");
  await page.getByLabel("User name", { exact: true }).fill(SOURCE.email);
  await page.getByLabel("Password", { exact: true }).fill(SOURCE.password);
  await page.getByRole("combobox", { name: "Into folder" }).selectOption("Archive");
  await page.getByRole("button", { name: "Add account" }).click();
  const account = page.getByTestId("pop3-account");
  await account.getByRole("button", { name: "Fetch now" }).click();
  await expect(page.getByTestId("collect-notice")).toHaveText("Fetched 1 message into Archive.");

  await account.getByRole("link", { name: "Change" }).click();
  await expect(page.getByRole("heading", { name: "Change a POP3 account" })).toBeVisible();
  const form = page.getByTestId("pop3-edit");
  await expect(form.getByLabel("Server", { exact: true })).toHaveValue("localhost");
  await expect(form.getByLabel("User name")).toHaveValue(SOURCE.email);
  // the Change page fits a phone's 320 px screen, its controls a finger's size
  await page.setViewportSize({ width: 320, height: 640 });
  await expectNoSidewaysScroll(page);
  await expectFingerSized(form);
  await page.setViewportSize({ width: 1280, height: 720 });
  await form.getByRole("combobox", { name: "Into folder" }).selectOption("Trash");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("collect-notice")).toHaveText("The POP3 account is saved. What was collected before is not collected again.");
  await expect(account).toContainText("Into Trash");

  await account.getByRole("button", { name: "Fetch now" }).click();
  await expect(page.getByTestId("collect-notice")).toHaveText("Fetched 0 messages into Trash.");

  await page.getByRole("button", { name: "Remove" }).click();
  await expect(page.getByTestId("pop3-account")).toHaveCount(0);
  await removeBySubject({ email: "alice@example.test", password: "alice-pass" }, ["Archive"], subject);
});
