import { expect, test } from "@playwright/test";
import { SUBJECTS, TEXTS } from "../mail-lab/seed/corpus.mjs";
import { row, signIn } from "./helpers";

type ThreadJson = { uid: number; uids: number[]; count: number; subject: string };

test.describe("conversations", () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page);
  });

  test("the Offsite planning thread reads as one conversation: older messages collapsed, the newest open", async ({ page }) => {
    await row(page, SUBJECTS.threadReply).first().click();
    await expect(page).toHaveURL(/[?&]uid=\d+/);
    const uid = new URL(page.url()).searchParams.get("uid");
    await page.goto(`/mail/conversation?folder=INBOX&uid=${uid}`);

    await expect(page.getByTestId("conversation-subject")).toHaveText(SUBJECTS.thread);
    const messages = page.getByTestId("conversation-message");
    await expect(messages).toHaveCount(4);
    const newest = messages.nth(3);
    await expect(newest).toHaveAttribute("open", "");
    await expect(newest.getByTestId("text-body")).toBeVisible();
    await expect(newest.getByTestId("text-body")).toContainText(TEXTS.thread[3]);
    for (const i of [0, 1, 2]) {
      await expect(messages.nth(i)).not.toHaveAttribute("open");
      await expect(messages.nth(i).getByTestId("text-body")).toBeHidden();
      await expect(messages.nth(i).locator("summary")).toContainText(TEXTS.thread[i]); // the one-line snippet
    }

    await messages.nth(0).locator("summary").click();
    await expect(messages.nth(0)).toHaveAttribute("open", "");
    await expect(messages.nth(0).getByTestId("text-body")).toBeVisible();
    await expect(messages.nth(0).getByTestId("text-body")).toContainText(TEXTS.thread[0]);
    await expect(messages.nth(1).getByTestId("text-body")).toBeHidden();
  });

  test("the Conversations toggle lists the thread once with its count, and opens it", async ({ page }) => {
    await page.getByTestId("threads-toggle").click();
    await expect(page.getByTestId("thread-range")).toContainText("conversations");
    const thread = page.getByTestId("thread-row").filter({ hasText: SUBJECTS.thread });
    await expect(thread).toHaveCount(1);
    await expect(thread.getByTestId("thread-count")).toHaveText("4");
    await thread.click();
    await expect(page).toHaveURL(/\/mail\/conversation\?/);
    await expect(page.getByText(TEXTS.thread[3]).filter({ visible: true }).first()).toBeVisible();
  });

  test("the threads API lists the conversation once, with its four messages", async ({ page }) => {
    const res = await page.request.get("/api/messages/threads?folder=INBOX");
    expect(res.ok()).toBe(true);
    const body = (await res.json()) as { threads: ThreadJson[] };
    const offsite = body.threads.filter((t) => t.subject === SUBJECTS.thread || t.subject === SUBJECTS.threadReply);
    expect(offsite).toHaveLength(1);
    expect(offsite[0].count).toBe(4);
    await page.goto(`/mail/conversation?folder=INBOX&uid=${offsite[0].uids[0]}`);
    await expect(page.getByTestId("conversation-message")).toHaveCount(4);
  });

  test("a conversation that does not exist is a notice, not an error page", async ({ page }) => {
    await page.goto("/mail/conversation?folder=INBOX&uid=999999");
    await expect(page.getByTestId("conversation-missing")).toContainText("no longer exists");
  });
});
