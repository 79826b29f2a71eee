import { expect, test, type Page } from "@playwright/test";
import { row, signIn } from "./helpers";
import { emptyFolders, withLabImap } from "./lab-imap";

// dave's mailbox belongs to this journey alone (the seed does not touch it): reset it here.
const DAVE = { email: "dave@example.test", password: "dave-pass" };
const SUBJECTS = ["Alpha report", "Bravo invoice", "Charlie notes", "Delta plan"];

test.beforeAll(async () => {
  await withLabImap(DAVE, async (imap) => {
    await emptyFolders(imap, ["INBOX", "Archive", "Trash"]);
    for (const s of SUBJECTS) {
      await imap.append("INBOX", `From: Erin <erin@example.test>\r\nTo: dave@example.test\r\nSubject: ${s}\r\n\r\n${s} body\r\n`);
    }
  });
});

test.describe.configure({ mode: "serial" });

async function openFolder(page: Page, name: string) {
  await page.getByRole("navigation", { name: "Folders" }).getByRole("link", { name: new RegExp(`^${name}`) }).click();
  await expect(page.getByRole("navigation", { name: "Folders" }).getByRole("link", { name: new RegExp(`^${name}`) })).toHaveAttribute(
    "aria-current",
    "page",
  );
}

test.describe("acting on messages", () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, DAVE);
  });

  test("a star shows at once and is still there after reload", async ({ page }) => {
    const li = row(page, "Bravo invoice").locator("xpath=..");
    const saved = page.waitForResponse((r) => r.url().endsWith("/api/messages/actions") && r.ok());
    await li.getByRole("button", { name: "Star" }).click();
    await expect(li.getByRole("button", { name: "Unstar" })).toHaveAttribute("aria-pressed", "true");
    await saved; // reloading earlier would cancel the request still on its way
    await page.reload();
    await expect(row(page, "Bravo invoice").locator("xpath=..").getByRole("button", { name: "Unstar" })).toBeVisible();
  });

  test("j, k and Enter move through the list and open a message", async ({ page }) => {
    await page.locator("body").press("j");
    await page.locator("body").press("j");
    await page.locator("body").press("k");
    await page.locator("body").press("Enter");
    await expect(page).toHaveURL(/uid=/);
    const opened = await page.getByTestId("message-subject").textContent();
    const rows = await page.getByTestId("message-row").locator(".subject").allTextContents();
    expect(opened).toBe(rows[1]);
    await page.locator("body").press("u");
    await expect(page).not.toHaveURL(/uid=/);
  });

  test("selected messages move to another folder", async ({ page }) => {
    await page.getByRole("checkbox", { name: /Alpha report/ }).check();
    await page.getByRole("checkbox", { name: /Charlie notes/ }).check();
    await expect(page.getByTestId("selection-count")).toHaveText("2 selected");
    await page.getByRole("combobox", { name: "Move selected messages to" }).selectOption({ label: "Archive" });
    await expect(page.getByTestId("toast")).toContainText("Moved to Archive.");
    await expect(row(page, "Alpha report")).toHaveCount(0);
    await openFolder(page, "Archive");
    await expect(row(page, "Alpha report")).toBeVisible();
    await expect(row(page, "Charlie notes")).toBeVisible();
  });

  test("a copy lands in the other folder and stays in this one; Undo removes the copy", async ({ page }) => {
    await row(page, "Bravo invoice").locator("xpath=..").getByRole("checkbox").check();
    await page.getByRole("combobox", { name: "Copy selected messages to" }).selectOption({ label: "Archive" });
    await expect(page.getByTestId("toast")).toContainText("Copied to Archive.");
    await expect(row(page, "Bravo invoice")).toBeVisible();
    await page.getByTestId("toast").getByRole("button", { name: "Undo" }).click();
    await expect(page.getByTestId("toast")).toContainText("Undone.");
    await openFolder(page, "Archive");
    await expect(row(page, "Alpha report")).toBeVisible();
    await expect(row(page, "Bravo invoice")).toHaveCount(0);
  });

  test("a deleted message is in Trash, and Undo brings it back", async ({ page }) => {
    await row(page, "Delta plan").click();
    await expect(page.getByTestId("message-subject")).toHaveText("Delta plan");
    await page.getByRole("toolbar", { name: "Message actions" }).getByRole("button", { name: "Delete" }).click();
    await expect(page.getByTestId("toast")).toContainText("Moved to Trash.");
    await expect(row(page, "Delta plan")).toHaveCount(0);
    await openFolder(page, "Trash");
    await expect(row(page, "Delta plan")).toBeVisible();
    await openFolder(page, "Inbox");
    // Undo straight after a delete: the message is back in the inbox, gone from Trash.
    await row(page, "Bravo invoice").locator("xpath=..").getByRole("checkbox").check();
    await page.getByRole("button", { name: "Delete" }).click();
    await expect(row(page, "Bravo invoice")).toHaveCount(0);
    await expect(page.getByTestId("toast")).toContainText("Moved to Trash.");
    await page.getByTestId("toast").getByRole("button", { name: "Undo" }).click();
    await expect(page.getByTestId("toast")).toContainText("Undone.");
    await expect(row(page, "Bravo invoice")).toBeVisible();
    await expect(row(page, "Delta plan")).toHaveCount(0); // the earlier delete stays done
  });

  test("c opens the composer, and r replies to the open message", async ({ page }) => {
    await page.locator("body").press("c");
    await expect(page).toHaveURL(/\/mail\/compose$/);
    await page.goBack();
    await row(page, "Bravo invoice").click();
    await expect(page.getByTestId("message-subject")).toHaveText("Bravo invoice");
    await page.locator("body").press("r");
    await expect(page).toHaveURL(/\/mail\/compose\?reply=\d+/);
  });
});
