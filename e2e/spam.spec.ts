import { expect, test, type Page } from "@playwright/test";
import { row, signIn } from "./helpers";
import { emptyFolders, withLabImap } from "./lab-imap";

// sink's INBOX and Junk belong to this journey (no other spec reads them): reset them here. The
// first INBOX listing marks everything already there as judged, so only mail appended after the
// training is filed automatically.
const SINK = { email: "sink@example.test", password: "sink-pass" };
const TAG = `e2e${Date.now().toString(36)}`;

const spam = (n: number, extra = "") =>
  `From: Best Pharmacy <deals${n}@pills.example>\r\nTo: sink@example.test\r\nSubject: CHEAP pills ${n} ${TAG}\r\nMessage-ID: <spam-${n}-${TAG}@pills.example>\r\n` +
  `Date: Mon, 2 Mar 2026 11:00:00 +0000\r\n${extra}Content-Type: text/html; charset=utf-8\r\n\r\n` +
  `<p>CHEAP pills! Buy cheap Viagra now! Best prices, cheap meds, FREE shipping!!! Order now and save $$$ on cheap pills.</p>` +
  `<a href="http://pills.example/order?id=${n}">Order now</a><p>Limited offer: buy now, cheap cheap cheap!</p>\r\n`;

const ham = (n: number) =>
  `From: Carol Diaz <carol@example.test>\r\nTo: sink@example.test\r\nSubject: Meeting notes ${n} ${TAG}\r\nMessage-ID: <ham-${n}-${TAG}@example.test>\r\n` +
  `Date: Mon, 2 Mar 2026 10:00:00 +0000\r\n\r\nHere are the notes from the project meeting: the schedule for the release and the review of the draft.\r\n`;

test.beforeAll(async () => {
  await withLabImap(SINK, async (imap) => {
    await emptyFolders(imap, ["INBOX", "Junk"]);
    for (const n of [1, 2, 3, 4, 5]) await imap.append("INBOX", spam(n));
    // good mail the server misfiled: the user takes it out with "Not spam"
    for (const n of [1, 2, 3]) await imap.append("Junk", ham(n));
  });
});

test.describe.configure({ mode: "serial" });

async function openFolder(page: Page, name: string) {
  const link = page.getByRole("navigation", { name: "Folders" }).getByRole("link", { name: new RegExp(`^${name}`) });
  await link.click();
  await expect(link).toHaveAttribute("aria-current", "page");
}

test.describe("spam filter", () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, SINK);
  });

  test('"Spam" moves the selected messages to Junk; "Not spam" takes good mail out of Junk', async ({ page }) => {
    await expect(row(page, `CHEAP pills 1 ${TAG}`)).toBeVisible();
    await page.getByRole("checkbox", { name: "Select all messages on this page" }).check();
    await page.getByRole("toolbar", { name: "Actions on selected messages" }).getByRole("button", { name: "Spam", exact: true }).click();
    await expect(page.getByTestId("toast")).toContainText("Moved to Junk");
    await expect(row(page, TAG)).toHaveCount(0);

    await openFolder(page, "Junk");
    await expect(row(page, "CHEAP pills")).toHaveCount(5);
    for (const n of [1, 2, 3]) await page.getByRole("checkbox", { name: new RegExp(`Meeting notes ${n} ${TAG}`) }).check();
    await page.getByRole("toolbar", { name: "Actions on selected messages" }).getByRole("button", { name: "Not spam" }).click();
    await expect(page.getByTestId("toast")).toContainText("Moved to Inbox");
    await expect(row(page, "Meeting notes")).toHaveCount(0);

    await openFolder(page, "Inbox");
    await expect(row(page, "Meeting notes")).toHaveCount(3);
    await page.goto("/mail/settings");
    await expect(page.getByTestId("spam-stats")).toContainText(/Learned from [1-9][\d,.\s]* spam and [1-9][\d,.\s]* good messages/);
    await expect(page.getByTestId("spam-stats")).toContainText(/[1-9][\d,.\s]* learned weights/);
  });

  test("a similar message that arrives later is filed to Junk, and the why panel explains it", async ({ page }) => {
    await withLabImap(SINK, (imap) =>
      imap.append("INBOX", spam(6, "Authentication-Results: mx.example.test; spf=fail smtp.mailfrom=pills.example; dkim=none; dmarc=fail\r\n")),
    );
    await page.reload();
    await expect(row(page, "Meeting notes 1")).toBeVisible();
    await expect(row(page, `CHEAP pills 6 ${TAG}`)).toHaveCount(0);

    await openFolder(page, "Junk");
    // the report comes with the message (one request), not from a request of its own
    const reportRequests: string[] = [];
    page.on("request", (r) => void (r.url().includes("/api/spam/report") && reportRequests.push(r.url())));
    await row(page, `CHEAP pills 6 ${TAG}`).click();
    const panel = page.getByTestId("spam-panel");
    await expect(panel.getByTestId("sender-auth")).toContainText("SPF fail");
    await expect(panel.getByTestId("sender-auth")).toContainText("DMARC fail");
    await panel.getByText("Why?").click();
    const why = panel.getByTestId("spam-why");
    await expect(why).toContainText("Postern moved this message to Junk when it arrived.");
    await expect(why.getByTestId("spam-score")).toHaveText(/%/);
    // the evidence that weighed most, in words, with its effect: some of it learned from the spam marked before
    await expect(why.getByTestId("spam-evidence").first()).toBeVisible();
    const towardSpam = why.getByTestId("spam-evidence").filter({ hasText: "toward spam" }).first();
    await expect(towardSpam.locator("td").first()).toContainText(/“.+”/);
    await expect(why.getByTestId("spam-rule").filter({ hasText: "SPF failed" })).toBeVisible();
    expect(reportRequests).toEqual([]);
  });

  test("new spam opened by its address before any listing is filed first, never shown as in the Inbox", async ({ page }) => {
    // away from the mail page, whose live updates would list INBOX (and file) as soon as it arrives
    await page.goto("/mail/settings");
    const appended = await withLabImap(SINK, (imap) => imap.append("INBOX", spam(7)));
    const uid = appended ? appended.uid : 0;
    expect(uid).toBeGreaterThan(0);
    await page.goto(`/mail?folder=INBOX&uid=${uid}`);
    await expect(page.getByTestId("message-missing")).toContainText("no longer exists");
    await expect(row(page, "Meeting notes 1")).toBeVisible();
    await expect(row(page, `CHEAP pills 7 ${TAG}`)).toHaveCount(0);
    await openFolder(page, "Junk");
    await expect(row(page, `CHEAP pills 7 ${TAG}`)).toBeVisible();
  });

  test('"Not spam" in the open message returns it to the Inbox, where it stays', async ({ page }) => {
    await openFolder(page, "Junk");
    await row(page, `CHEAP pills 6 ${TAG}`).click();
    await page.getByRole("toolbar", { name: "Message actions" }).getByRole("button", { name: "Not spam" }).click();
    await expect(page.getByTestId("toast")).toContainText("Moved to Inbox");
    await expect(row(page, `CHEAP pills 6 ${TAG}`)).toHaveCount(0);
    await openFolder(page, "Inbox");
    await expect(row(page, `CHEAP pills 6 ${TAG}`)).toBeVisible();
    await page.reload();
    await expect(row(page, `CHEAP pills 6 ${TAG}`)).toBeVisible();
    await row(page, `CHEAP pills 6 ${TAG}`).click();
    await page.getByTestId("spam-panel").getByText("Why?").click();
    await expect(page.getByTestId("spam-why")).toContainText("You marked this message as not spam.");
  });

  test('a message the filter is unsure about stays in the Inbox marked "Possibly spam"; one click on Not spam settles it', async ({ page }) => {
    // Settings shows the cut-offs; a wide "possibly spam" band makes a message of both kinds' words land in it
    await page.goto("/mail/settings");
    await expect(page.getByTestId("spam-thresholds-note")).toContainText("cross-validation");
    await page.getByLabel("Learned weights: spam above").fill("0.9999");
    await page.getByLabel("Learned weights: possibly spam above").fill("0.001");
    await page.getByRole("region", { name: "Spam filter" }).getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByTestId("settings-notice")).toHaveText("Spam settings saved.");
    // words the filter never learned, from a new sender: its score is the learner's prior, inside the band
    try {
      const mixed =
        `From: Dana Wells <dana@aquarium.example>\r\nTo: sink@example.test\r\nSubject: Aquarium gravel delivery 9 ${TAG}\r\n` +
        `Message-ID: <aquarium-9-${TAG}@aquarium.example>\r\nDate: Mon, 2 Mar 2026 12:00:00 +0000\r\n\r\nThe gravel and driftwood arrive Tuesday morning.\r\n`;
      await withLabImap(SINK, (imap) => imap.append("INBOX", mixed));
      await page.goto("/mail");
      const mark = page.locator("li.row", { hasText: `Aquarium gravel delivery 9 ${TAG}` }).getByTestId("possibly-spam");
      await expect(mark).toContainText("Possibly spam");
      await mark.getByRole("button", { name: /^Not spam/ }).click();
      await expect(page.getByTestId("toast")).toContainText("Kept in Inbox");
      await expect(mark).toHaveCount(0);
      await page.reload();
      await expect(row(page, `Aquarium gravel delivery 9 ${TAG}`)).toBeVisible();
      await expect(page.locator("li.row", { hasText: `Aquarium gravel delivery 9 ${TAG}` }).getByTestId("possibly-spam")).toHaveCount(0);
    } finally {
      // back to the defaults
      await page.goto("/mail/settings");
      await page.getByLabel("Learned weights: spam above").fill("0.821");
      await page.getByLabel("Learned weights: possibly spam above").fill("0.098");
      await page.getByRole("region", { name: "Spam filter" }).getByRole("button", { name: "Save", exact: true }).click();
      await expect(page.getByTestId("settings-notice")).toHaveText("Spam settings saved.");
    }
  });

  test("Settings: learn from existing folders, and keep a whitelist", async ({ page }) => {
    await page.goto("/mail/settings");
    await page.getByRole("button", { name: "Learn from my folders" }).click();
    await expect(page.getByTestId("learn-result")).toHaveText(/^Learned [\d,.\s]+ good and [\d,.\s]+ spam messages/);
    await expect(page.getByRole("button", { name: "Learn from my folders" })).toBeEnabled();

    await page.getByLabel("Address, domain or wildcard").fill("Friends.Example");
    await page.getByRole("combobox", { name: "Add to list" }).selectOption("allow");
    await page.getByRole("button", { name: "Add", exact: true }).click();
    await expect(page.getByTestId("settings-notice")).toHaveText("friends.example is now on your whitelist.");
    await expect(page.getByTestId("spam-allow-list")).toContainText("friends.example");
    await page.getByRole("button", { name: "Remove friends.example" }).click();
    await expect(page.getByTestId("settings-notice")).toHaveText("friends.example removed.");
    await expect(page.getByTestId("spam-allow-list")).not.toContainText("friends.example");
  });
});
