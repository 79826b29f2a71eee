import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";

// Newsgroups beside mail (issue 24), against the lab's INN (mail-lab/news, seeded postern.test.*).

function articleRow(page: Page, subject: string) {
  return page.getByTestId("article-row").filter({ hasText: subject });
}

async function subscribeFromBrowser(page: Page, group: string): Promise<void> {
  await page.getByTestId("browse-newsgroups").click();
  await page.getByTestId("group-search").fill("postern.test");
  await page.getByRole("button", { name: "Search" }).click();
  const row = page.getByTestId("group-row").filter({ hasText: group });
  await expect(row.first()).toBeVisible();
  const subscribe = page.getByRole("button", { name: `Subscribe to ${group}` });
  if (await subscribe.count()) await subscribe.click();
  await expect(page.getByTestId("news-tree").getByRole("link", { name: new RegExp(`^${group.replace(/\./g, "\\.")}`) })).toBeVisible();
}

test.describe("newsgroups", () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page);
  });

  test("browse and subscribe: the group shows under the folders with its unread count", async ({ page }) => {
    await page.getByTestId("browse-newsgroups").click();
    await page.getByTestId("group-search").fill("general");
    await page.getByRole("button", { name: "Search" }).click();
    const general = page.getByTestId("group-row").filter({ hasText: "postern.test.general" });
    await expect(general.getByTestId("group-description")).toHaveText("General talk about the Postern test lab");

    await subscribeFromBrowser(page, "postern.test.general");
    const link = page.getByTestId("news-tree").getByRole("link", { name: /^postern\.test\.general/ });
    await expect(link.locator(".unread-count")).toHaveText(/^\d+$/);

    // back in mail, the group is still under the folders, with the count of this visit
    await page.getByRole("link", { name: "Mail", exact: true }).click();
    await expect(page.getByTestId("news-tree").getByRole("link", { name: /^postern\.test\.general/ })).toBeVisible();
  });

  test("read a thread: replies are indented under what they answer, and reading lowers the count", async ({ page }) => {
    await subscribeFromBrowser(page, "postern.test.general");
    const link = page.getByTestId("news-tree").getByRole("link", { name: /^postern\.test\.general/ });
    await link.click();
    await expect(page.getByTestId("news-group-name")).toHaveText("postern.test.general");

    const deepReply = articleRow(page, "Re: Postern reads news now").and(page.locator('[data-depth="2"]')).first();
    await expect(deepReply).toBeVisible();
    // an earlier run against the same lab read it already: unread again, so reading can lower the count
    if (!(await deepReply.evaluate((el) => el.classList.contains("unread")))) {
      await deepReply.getByRole("link").click();
      await page.getByRole("button", { name: "Mark unread" }).click();
      await expect(deepReply).toHaveClass(/\bunread\b/);
    }
    const before = Number(await link.locator(".unread-count").textContent());
    await deepReply.getByRole("link").click();
    await expect(page.getByTestId("message-subject")).toHaveText("Re: Postern reads news now");
    await expect(page.getByTestId("text-body")).toContainText("Yes, by References, like the conversation view.");
    await expect(page.getByTestId("article-newsgroups")).toHaveText("postern.test.general");
    await expect(link.locator(".unread-count")).toHaveText(String(before - 1));
  });

  test("an HTML article goes through the same sanitizer and phishing checks as mail", async ({ page }) => {
    await subscribeFromBrowser(page, "postern.test.general");
    await page.getByTestId("news-tree").getByRole("link", { name: /^postern\.test\.general/ }).click();
    await articleRow(page, "Phishing sample").first().getByRole("link").click();
    await expect(page.getByTestId("phishing-warnings")).toBeVisible();
    await expect(page.getByTestId("phishing-warnings")).toContainText("192.0.2.7");
  });

  test("post a follow-up that then appears in the thread", async ({ page }) => {
    await subscribeFromBrowser(page, "postern.test.e2e");
    await page.getByTestId("news-tree").getByRole("link", { name: /^postern\.test\.e2e/ }).click();
    await articleRow(page, "Browser test thread").and(page.locator('[data-depth="0"]')).first().getByRole("link").click();
    await expect(page.getByTestId("message-subject")).toHaveText("Browser test thread");
    await page.getByTestId("follow-up").click();

    await expect(page.getByTestId("news-newsgroups")).toHaveValue("postern.test.e2e");
    await expect(page.getByTestId("news-subject")).toHaveValue("Re: Browser test thread");
    const text = page.getByRole("textbox", { name: "Message" });
    await expect(text).toHaveValue(/> Follow up to this article from the browser\./);
    await expect(page.getByRole("button", { name: "Plain text" })).toHaveAttribute("aria-pressed", "true");
    const token = `e2e-${Date.now()}`;
    await text.press("End");
    await text.pressSequentially(`Answered from Chromium ${token}`);
    await page.getByTestId("news-post").click();

    await expect(page.getByTestId("mail-notice")).toHaveText("Posted to postern.test.e2e.");
    const mine = articleRow(page, "Re: Browser test thread").filter({ hasText: "alice@example.test" }).and(page.locator('[data-depth="1"]'));
    await expect(mine.first()).toBeVisible();
    // the newest of them (earlier runs may have left follow-ups): the highest article number
    const hrefs = await mine.getByRole("link").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
    const newest = hrefs.sort((a, b) => Number(new URLSearchParams(b.split("?")[1]).get("n")) - Number(new URLSearchParams(a.split("?")[1]).get("n")))[0];
    await page.locator(`a[href="${newest}"]`).click();
    await expect(page.getByTestId("text-body")).toContainText(`Answered from Chromium ${token}`);
    await expect(page.getByTestId("cancel-article")).toBeVisible();
  });

  test("a follow-up written in rich text is posted with an HTML part beside its plain text", async ({ page }) => {
    await page.goto(`/mail/news?${new URLSearchParams({ group: "postern.test.e2e" })}`);
    await articleRow(page, "Browser test thread").and(page.locator('[data-depth="0"]')).first().getByRole("link").click();
    await page.getByTestId("follow-up").click();
    await page.getByRole("button", { name: "Rich text" }).click();
    const editor = page.getByTestId("rich-editor");
    await expect(editor.locator("blockquote")).toContainText("Follow up to this article from the browser.");
    const token = `rich-${Date.now()}`;
    await editor.click();
    await page.keyboard.press("Control+End");
    await page.keyboard.press("Enter");
    await page.getByRole("button", { name: "Bold" }).click();
    await page.keyboard.type(`Bold ${token}`);
    await expect(editor.locator("strong")).toHaveText(`Bold ${token}`);
    await page.getByTestId("news-post").click();

    await expect(page.getByTestId("mail-notice")).toHaveText("Posted to postern.test.e2e.");
    const mine = articleRow(page, "Re: Browser test thread").filter({ hasText: "alice@example.test" });
    const hrefs = await mine.getByRole("link").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
    const n = Math.max(...hrefs.map((h) => Number(new URLSearchParams(h.split("?")[1]).get("n"))));
    await page.goto(`/mail/news?${new URLSearchParams({ group: "postern.test.e2e", n: String(n) })}`);
    // read as mail is: the HTML part in the sandboxed frame (the plain part is there for readers
    // that show only text, and for those who prefer it in Settings)
    await expect(page.frameLocator('[data-testid="html-body"]').locator("strong")).toHaveText(`Bold ${token}`);
    await expect(page.frameLocator('[data-testid="html-body"]').locator("blockquote")).toContainText("Follow up to this article from the browser.");
  });

  test("the spam filter is turned on per subscribed group, and off again", async ({ page }) => {
    await subscribeFromBrowser(page, "postern.test.e2e");
    await page.getByTestId("news-tree").getByRole("link", { name: /^postern\.test\.e2e/ }).click();
    const toggle = page.getByTestId("group-spam-filter");
    await expect(toggle).toHaveText("Spam filter: off");
    await toggle.click();
    await expect(toggle).toHaveText("Spam filter: on");
    await expect(toggle).toHaveAttribute("aria-pressed", "true");
    // a plain article from a stranger is opened as before: no verdict shown for it
    await articleRow(page, "Browser test thread").and(page.locator('[data-depth="0"]')).first().getByRole("link").click();
    await expect(page.getByTestId("message-subject")).toHaveText("Browser test thread");
    await expect(page.getByTestId("article-spam-verdict")).toHaveCount(0);
    await page.getByTestId("group-spam-filter").click();
    await expect(page.getByTestId("group-spam-filter")).toHaveText("Spam filter: off");
  });

  test("reply by mail writes to the author with Re: and the quote", async ({ page }) => {
    await page.goto(`/mail/news?${new URLSearchParams({ group: "postern.test.e2e" })}`);
    await articleRow(page, "Browser test thread").and(page.locator('[data-depth="0"]')).first().getByRole("link").click();
    await page.getByTestId("reply-by-mail").click();
    await expect(page.getByRole("heading", { name: "Reply by mail" })).toBeVisible();
    await expect(page.getByLabel("To", { exact: true })).toHaveValue(/bob@example\.test/);
    await expect(page.getByLabel("Subject")).toHaveValue("Re: Browser test thread");
    await expect(page.getByRole("textbox", { name: "Message" })).toHaveValue(/wrote:\n> Follow up to this article from the browser\./);
  });
});
