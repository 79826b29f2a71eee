import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";
import { emptyFolders, withLabImap } from "./lab-imap";

const BOB = { email: "bob@example.test", password: "bob-pass" };
const SPECIAL = ["INBOX", "Drafts", "Sent", "Junk", "Trash", "Archive"];

/** bob's folders as the seed leaves them (the special-use ones only); `fill` puts N messages, and only those, in Trash. */
async function resetBob(fill?: { trash: number }): Promise<void> {
  await withLabImap(BOB, async (imap) => {
    for (const f of (await imap.list()).sort((a, b) => b.path.length - a.path.length)) {
      if (SPECIAL.includes(f.path)) continue;
      await imap.mailboxDelete(f.path);
      await imap.mailboxUnsubscribe(f.path); // Dovecot keeps subscriptions of deleted folders
    }
    if (fill) {
      await emptyFolders(imap, ["Trash"]);
      for (let i = 0; i < fill.trash; i++) await imap.append("Trash", `Subject: thrown away ${i}\r\n\r\nx\r\n`);
    }
  });
}

const folderRow = (page: Page, path: string) => page.locator(`[data-testid="folder-row"][data-path="${path}"]`);
const tree = (page: Page) => page.getByRole("navigation", { name: "Folders" });
const notice = (page: Page) => page.getByTestId("folder-notice");

test.describe.configure({ mode: "serial" });
test.beforeAll(() => resetBob());
test.afterAll(() => resetBob());

test.describe("managing folders", () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, BOB);
    await tree(page).getByRole("link", { name: "Manage folders" }).click();
    await expect(page.getByRole("heading", { name: "Manage folders" })).toBeVisible();
  });

  test("special-use folders are listed but cannot be renamed or deleted", async ({ page }) => {
    for (const path of SPECIAL) {
      const row = folderRow(page, path);
      await expect(row).toBeVisible();
      await expect(row.getByRole("link", { name: /Delete/ })).toHaveCount(0);
      await expect(row.getByText("Rename")).toHaveCount(0);
    }
  });

  test("create a folder with a non-ASCII name, see it in the tree, rename it, delete it after confirming", async ({ page }) => {
    await page.getByLabel("Folder name").fill("Entwürfe 日本語");
    await page.getByRole("button", { name: "Create folder" }).click();
    await expect(notice(page)).toHaveText("Created “Entwürfe 日本語”.");
    await expect(folderRow(page, "Entwürfe 日本語")).toBeVisible();

    // The folder tree of the mail page shows it, and it opens (empty).
    await page.getByRole("link", { name: "Back to mail" }).click();
    await tree(page).getByRole("link", { name: "Entwürfe 日本語" }).click();
    await expect(page).toHaveURL(/folder=Entw%C3%BCrfe/);
    await expect(page.getByTestId("list-range")).toHaveText("No messages");

    await tree(page).getByRole("link", { name: "Manage folders" }).click();
    const row = folderRow(page, "Entwürfe 日本語");
    await row.getByText("Rename").click();
    await row.getByLabel("New name for “Entwürfe 日本語”").fill("Brouillons été");
    await row.getByRole("button", { name: "Save" }).click();
    await expect(notice(page)).toHaveText("Renamed “Entwürfe 日本語” to “Brouillons été”.");
    await expect(folderRow(page, "Entwürfe 日本語")).toHaveCount(0);
    await expect(folderRow(page, "Brouillons été")).toBeVisible();

    // Deleting asks first; cancelling keeps the folder.
    await folderRow(page, "Brouillons été").getByRole("link", { name: "Delete “Brouillons été”…" }).click();
    await expect(page.getByRole("heading", { name: "Delete “Brouillons été”?" })).toBeVisible();
    await expect(page.getByTestId("delete-summary")).toContainText("The folder and its 0 messages will be deleted for good");
    await page.getByRole("link", { name: "Cancel" }).click();
    await expect(folderRow(page, "Brouillons été")).toBeVisible();

    await folderRow(page, "Brouillons été").getByRole("link", { name: /Delete/ }).click();
    await page.getByRole("button", { name: "Delete for good" }).click();
    await expect(notice(page)).toHaveText("Deleted “Brouillons été”.");
    await expect(folderRow(page, "Brouillons été")).toHaveCount(0);
    await page.getByRole("link", { name: "Back to mail" }).click();
    await expect(tree(page).getByRole("link", { name: "Brouillons été" })).toHaveCount(0);
  });

  test("subfolders nest under their parent and go with it; bad names are explained", async ({ page }) => {
    await page.getByLabel("Folder name").fill("Projekte");
    await page.getByRole("button", { name: "Create folder" }).click();
    await expect(notice(page)).toHaveText("Created “Projekte”.");
    await page.getByLabel("Folder name").fill("2026");
    await page.getByLabel("Inside").selectOption("Projekte");
    await page.getByRole("button", { name: "Create folder" }).click();
    await expect(notice(page)).toHaveText("Created “Projekte/2026”.");
    await expect(folderRow(page, "Projekte/2026").getByTestId("folder-name")).toHaveText("2026");

    await page.getByLabel("Folder name").fill("a/b");
    await page.getByRole("button", { name: "Create folder" }).click();
    await expect(notice(page)).toContainText("Folder names cannot contain “/”");

    // Hide a folder from the tree and show it again.
    await folderRow(page, "Projekte/2026").getByRole("button", { name: "Hide “Projekte/2026” in the folder list" }).click();
    await expect(notice(page)).toContainText("is hidden from the folder list");
    await expect(folderRow(page, "Projekte/2026")).toContainText("hidden from the folder list");
    await page.getByRole("link", { name: "Back to mail" }).click();
    await expect(tree(page).getByRole("link", { name: "Projekte" })).toBeVisible();
    await expect(tree(page).getByRole("link", { name: "2026" })).toHaveCount(0);
    await tree(page).getByRole("link", { name: "Manage folders" }).click();
    await folderRow(page, "Projekte/2026").getByRole("button", { name: /^Show/ }).click();
    await expect(notice(page)).toContainText("is shown in the folder list");

    await folderRow(page, "Projekte").getByRole("link", { name: /Delete/ }).click();
    await expect(page.getByTestId("delete-summary")).toContainText("its 1 subfolder");
    await page.getByRole("button", { name: "Delete for good" }).click();
    await expect(notice(page)).toHaveText("Deleted “Projekte” and 1 subfolder.");
    await expect(folderRow(page, "Projekte/2026")).toHaveCount(0);
  });

  test("Empty Trash removes its messages after confirming", async ({ page }) => {
    await resetBob({ trash: 2 });
    await page.reload();
    await folderRow(page, "Trash").getByRole("link", { name: "Empty Trash…" }).click();
    await expect(page.getByTestId("empty-summary")).toContainText("All 2 messages in “Trash” will be deleted for good");
    await page.getByRole("button", { name: "Empty Trash" }).click();
    await expect(notice(page)).toHaveText("Emptied “Trash”: 2 messages deleted for good.");
    await expect(folderRow(page, "Trash")).toContainText("0 messages");
    await expect(folderRow(page, "Trash").getByRole("link", { name: /Empty/ })).toHaveCount(0);
  });
});
