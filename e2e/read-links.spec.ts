import crypto from "node:crypto";
import { simpleParser } from "mailparser";
import { expect, test } from "@playwright/test";
import { ALICE, signIn } from "./helpers";
import { fetchBySubject } from "../tests/fixtures/mailbox-by-subject";
import { removeBySubject, withLabImap } from "./lab-imap";

// Issue 6 in the browser: alice sends bob and carol a message with "Confirm reading with a
// one-time link"; bob, not signed in to anything, opens his link and reads the text; reloading
// says it was already opened; alice revokes carol's link and her Receipts show bob's opening.
// The links are read from the delivered mail over IMAP. Subjects carry this run's tag, except the
// notices', which are neutral ("A message from …": the real subject is sealed with the message);
// those are cleared before the run and removed afterwards with the tagged ones.
const BOB = { email: "bob@example.test", password: "bob-pass" };
const CAROL = { email: "carol@example.test", password: "carol-pass" };
const TAG = crypto.randomBytes(3).toString("hex");
const SECRET = `The meeting moves to room ${crypto.randomBytes(3).toString("hex")}.`;
/** Long enough for the undo delay plus the composer's next status poll. */
const SENT_TIMEOUT = 30_000;
const NOTICE_SUBJECT = "A message from ";
const LINK = /https?:\/\/[^\s/]+\/r\/[A-Za-z0-9_-]{22}#[A-Za-z0-9_-]{43}/;

/** The read link in the user's copy, once it has arrived (polled, bounded). */
async function linkFor(user: typeof BOB): Promise<string> {
  let link = "";
  await expect
    .poll(
      async () => {
        const [source] = await withLabImap(user, async (imap) => (await fetchBySubject(imap, "INBOX", NOTICE_SUBJECT)).map((m) => m.source));
        const notice = source ? await simpleParser(source) : null;
        // The notice names the sender, never the sealed message's subject.
        link = notice && !notice.subject?.includes(TAG) ? (LINK.exec(notice.text ?? "")?.[0] ?? "") : "";
        return link;
      },
      { timeout: 20_000 },
    )
    .toMatch(LINK);
  return link;
}

async function removeNotices(): Promise<void> {
  await removeBySubject(BOB, ["INBOX"], NOTICE_SUBJECT);
  await removeBySubject(CAROL, ["INBOX"], NOTICE_SUBJECT);
}

test.beforeAll(removeNotices);

test.afterAll(async () => {
  await removeBySubject(ALICE, ["Sent", "Drafts"], TAG);
  await removeBySubject(BOB, ["INBOX"], TAG);
  await removeBySubject(CAROL, ["INBOX"], TAG);
  await removeNotices();
});

test("a message sent with a one-time link opens once for bob; alice sees the receipt and can revoke carol's", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const subject = `Room change ${TAG}`;
  await signIn(page, ALICE);
  await page.goto("/mail/compose");
  await page.getByLabel("To", { exact: true }).fill("bob@example.test, carol@example.test");
  await page.getByLabel("Subject").fill(subject);
  await page.getByLabel("Message", { exact: true }).fill(`Hi both,\n${SECRET}\nAlice`);
  await page.getByLabel("Confirm reading with a one-time link").check();
  await page.getByLabel("Links expire after").selectOption({ label: "expires in 1 week" });
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page).toHaveURL(/\/mail\?folder=INBOX.*notice=notices\.messageSent/, { timeout: SENT_TIMEOUT });

  // bob: a fresh browser profile, no Postern session at all.
  const link = await linkFor(BOB);
  const bob = await browser.newContext();
  // Everything bob's browser sends, to check that the key never leaves it.
  const sent: string[] = [];
  bob.on("request", (r) => sent.push(`${r.url()} ${r.postData() ?? ""} ${JSON.stringify(r.headers())}`));
  // Without its fragment (the key), the link is refused before it can be spent.
  const cut = await bob.newPage();
  await cut.goto(link.slice(0, link.indexOf("#")));
  await expect(cut.getByTestId("read-link-no-key")).toContainText("This link is incomplete");
  await cut.close();
  const bobPage = await bob.newPage();
  await bobPage.goto(link);
  const interstitial = bobPage.getByTestId("read-link-interstitial");
  await expect(interstitial.getByRole("heading", { name: subject })).toBeVisible();
  await expect(interstitial).toContainText("From alice@example.test");
  await expect(interstitial).not.toContainText(SECRET);
  const inAWeek = new Date(Date.now() + 7 * 864e5).toLocaleDateString("en-US", { weekday: "long", year: "numeric", month: "long", day: "numeric" });
  await expect(interstitial).toContainText(`The link works until ${inAWeek}`);
  // Looking is not opening: a reload (as a link scanner would fetch it) leaves it closed.
  await bobPage.reload();
  await bobPage.getByRole("button", { name: "Open — this can be done only once" }).click();
  await expect(bobPage.getByTestId("read-link-text")).toContainText(SECRET);
  await expect(bobPage.getByTestId("read-link-message")).toContainText("alice@example.test");
  // The key leaves the address bar once it has been used.
  expect(new URL(bobPage.url()).hash).toBe("");
  await bobPage.reload();
  await expect(bobPage.getByTestId("read-link-closed")).toContainText("This message was opened on");
  await expect(bobPage.getByText(SECRET)).toHaveCount(0);
  // every later visit answers 410 Gone, with no content
  const again = await bobPage.request.get(link.slice(0, link.indexOf("#")));
  expect(again.status()).toBe(410);
  expect(await again.text()).not.toContain(SECRET);
  await bobPage.goto(link);
  await expect(bobPage.getByTestId("read-link-closed")).toContainText("This message was opened on");
  await bob.close();
  const key = link.slice(link.indexOf("#") + 1);
  expect(sent.some((s) => s.includes("/api/r/reveal"))).toBe(true);
  expect(sent.filter((s) => s.includes(key))).toEqual([]);

  // alice: told in the mail page, then Receipts: bob opened, carol waiting until revoked.
  await page.goto("/mail");
  await expect(page.getByTestId("opening-notice")).toContainText(`bob@example.test opened “${subject}”`);
  await page.getByTestId("receipts-link").click();
  const bobReceipt = page.getByTestId("receipt").filter({ hasText: subject }).filter({ hasText: "bob@example.test" });
  await expect(bobReceipt).toHaveAttribute("data-state", "opened");
  await expect(bobReceipt.getByTestId("receipt-status")).toContainText("Opened");
  const carolReceipt = page.getByTestId("receipt").filter({ hasText: subject }).filter({ hasText: "carol@example.test" });
  await expect(carolReceipt).toHaveAttribute("data-state", "waiting");
  await carolReceipt.getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByTestId("receipts-notice")).toContainText("Link revoked");
  await expect(carolReceipt).toHaveAttribute("data-state", "revoked");

  // carol's link now says it was withdrawn, and offers nothing to open.
  const carolLink = await linkFor(CAROL);
  const carol = await browser.newContext();
  const carolPage = await carol.newPage();
  expect((await carolPage.goto(carolLink))?.status()).toBe(410);
  await expect(carolPage.getByTestId("read-link-closed")).toContainText("withdrew");
  await expect(carolPage.getByRole("button", { name: /Open/ })).toHaveCount(0);
  await carol.close();

  // The Sent copy shows the same status.
  await page.goto("/mail?folder=Sent");
  await page.getByTestId("message-row").filter({ hasText: subject }).click();
  await expect(page.getByTestId("message-receipts")).toContainText("bob@example.test: Opened");
  await expect(page.getByTestId("text-body")).toContainText(SECRET);
});

test("a link that does not exist says it is not valid; the page has Postern's strict headers", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const res = await page.goto("/r/AAAAAAAAAAAAAAAAAAAAAA");
  await expect(page.getByTestId("read-link-closed")).toContainText("This link is not valid");
  const headers = res!.headers();
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["referrer-policy"]).toBe("no-referrer");
  expect(headers["x-frame-options"]).toBe("DENY");
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  const reveal = await page.request.post("/api/r/reveal", { data: { token: "AAAAAAAAAAAAAAAAAAAAAA" } });
  expect(reveal.status()).toBe(403); // not from a Postern page (no Origin, no x-postern-request)
  await context.close();
});

test("an answer lost on the way: bob's browser opens the message on a second try, nobody else can", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const subject = `Lost answer ${TAG}`;
  // The first journey's notices are neutral too: only this one's may be found.
  await removeNotices();
  await signIn(page, ALICE);
  await page.goto("/mail/compose");
  await page.getByLabel("To", { exact: true }).fill("bob@example.test");
  await page.getByLabel("Subject").fill(subject);
  await page.getByLabel("Message", { exact: true }).fill(`Second try.\n${SECRET}`);
  await page.getByLabel("Confirm reading with a one-time link").check();
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page).toHaveURL(/notice=notices\.messageSent/, { timeout: SENT_TIMEOUT });

  const link = await linkFor(BOB);

  const bob = await browser.newContext();
  const bobPage = await bob.newPage();
  // The server spends the link and answers, but the connection drops before bob's browser has it.
  let dropped = 0;
  await bobPage.route("**/api/r/reveal", async (route) => {
    if (dropped++ > 0) return route.continue();
    await route.fetch();
    await route.abort("connectionreset");
  });
  await bobPage.goto(link);
  const open = bobPage.getByRole("button", { name: "Open — this can be done only once" });
  await open.click();
  await expect(bobPage.getByRole("alert").filter({ hasText: "The answer did not arrive" })).toBeVisible();
  await expect(bobPage.getByText(SECRET)).toHaveCount(0);
  // Someone else with the link (another browser) finds it opened.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  expect((await otherPage.goto(link))?.status()).toBe(410);
  await other.close();
  await open.click();
  await expect(bobPage.getByTestId("read-link-text")).toContainText(SECRET);
  expect(dropped).toBeGreaterThanOrEqual(2);
  await bobPage.unroute("**/api/r/reveal");
  await bobPage.reload();
  await expect(bobPage.getByTestId("read-link-closed")).toContainText("This message was opened on");
  await bob.close();
});
