import { expect, test, type Page, type Request } from "@playwright/test";
import { ALICE, row, signIn } from "./helpers";
import { removeBySubject, withLabImap } from "./lab-imap";

// Issue 20: a click in the list opens the message in the reading pane with one request for the
// pane alone (app/mail/open-pane.ts); the list and folders on screen are not rendered again, and
// yet they show the message read, and the URL, Back, Forward and a reload behave as links do.

const TAG = `pane-${Date.now()}`;
const FIRST = `${TAG} first letter`;
const SECOND = `${TAG} second letter`;

function letter(subject: string, minutesAgo: number): string {
  const date = new Date(Date.now() - minutesAgo * 60_000).toUTCString().replace("GMT", "+0000");
  return [`From: Dora Lane <dora@example.test>`, `To: ${ALICE.email}`, `Subject: ${subject}`, `Date: ${date}`, `Message-ID: <${subject.replace(/\W/g, ".")}@example.test>`, "", `Body of ${subject}.`, ""].join("\r\n");
}

/** INBOX's unread count in the folder tree (none shown: 0). */
async function inboxUnread(page: Page): Promise<number> {
  const badge = page.getByRole("link", { name: /^Inbox/ }).locator(".unread-count");
  return (await badge.count()) ? Number(await badge.textContent()) : 0;
}

/** Requests to the mail page itself (not its scripts, images or the live stream). */
function mailPageRequests(page: Page): Request[] {
  const seen: Request[] = [];
  page.on("request", (r) => {
    if (new URL(r.url()).pathname === "/mail") seen.push(r);
  });
  return seen;
}

test.describe("opening a message in the pane", () => {
  test.beforeAll(async () => {
    await withLabImap(ALICE, async (imap) => {
      await imap.append("INBOX", letter(FIRST, 2), []);
      await imap.append("INBOX", letter(SECOND, 1), []);
    });
  });
  test.afterAll(() => removeBySubject(ALICE, ["INBOX"], TAG));

  test("a click asks for the pane alone, and the list and the folder's count show the message read", async ({ page }) => {
    await signIn(page);
    await expect(row(page, FIRST).locator("xpath=..")).toHaveClass(/unread/);
    const before = await inboxUnread(page);
    const requests = mailPageRequests(page);

    await row(page, FIRST).click();
    await expect(page.getByTestId("message-subject")).toHaveText(FIRST);
    await expect(page.getByText(`Body of ${FIRST}.`)).toBeVisible();
    await expect(page).toHaveURL(/[?&]uid=\d+/);
    await expect(row(page, FIRST).locator("xpath=..")).not.toHaveClass(/unread/);
    await expect(row(page, FIRST).locator("xpath=..")).toHaveClass(/selected/);
    await expect.poll(() => inboxUnread(page)).toBe(before - 1);
    // one request, a server action (POST with Next-Action), and no page render (GET with RSC)
    expect(requests.map((r) => `${r.method()} ${r.headers()["next-action"] ? "action" : r.headers()["rsc"] ? "rsc" : "page"}`)).toEqual(["POST action"]);

    // the next one by the keyboard, as a reader goes down the list
    await row(page, SECOND).click();
    await expect(page.getByTestId("message-subject")).toHaveText(SECOND);
    await expect.poll(() => inboxUnread(page)).toBe(before - 2);
    expect(requests.filter((r) => r.method() === "GET")).toEqual([]);
  });

  test("Back, Forward and a reload follow the URL of what was opened", async ({ page }) => {
    await signIn(page);
    await row(page, FIRST).click();
    await expect(page.getByTestId("message-subject")).toHaveText(FIRST);
    const firstUrl = page.url();
    await row(page, SECOND).click();
    await expect(page.getByTestId("message-subject")).toHaveText(SECOND);

    await page.goBack();
    await expect(page.getByTestId("message-subject")).toHaveText(FIRST);
    expect(page.url()).toBe(firstUrl);
    await page.goBack();
    await expect(page.getByText("Select a message to read it.")).toBeVisible();
    await expect(row(page, SECOND)).toBeVisible();
    await page.goForward();
    await expect(page.getByTestId("message-subject")).toHaveText(FIRST);

    await page.reload();
    await expect(page.getByTestId("message-subject")).toHaveText(FIRST);
    await expect(row(page, FIRST).locator("xpath=..")).toHaveClass(/selected/);
  });

  test("a message gone meanwhile says so in the pane", async ({ page }) => {
    await signIn(page);
    await expect(row(page, FIRST)).toBeVisible();
    await removeBySubject(ALICE, ["INBOX"], FIRST);
    await row(page, FIRST).click();
    await expect(page.getByTestId("message-missing")).toBeVisible();
    await expect(page.getByTestId("message-row").first()).toBeVisible();
  });
});
