import crypto from "node:crypto";
import fs from "node:fs";
import { simpleParser } from "mailparser";
import { expect, test } from "@playwright/test";
import { fetchBySubject } from "../tests/fixtures/mailbox-by-subject";
import { ALICE, signIn } from "./helpers";
import { removeBySubject, withLabImap } from "./lab-imap";
import { startPostern, type PosternProcess } from "./postern-process";

// Issue 19: Postern's JSON logs and /metrics, on a Postern of its own whose output the test reads.
// alice signs in, sends bob a message with a one-time read link, bob opens it; then every secret
// those steps used (alice's password, her session cookie, her CSRF token, the link's token and
// key, the message text) must be absent from everything the server wrote, while each request
// left one JSON line with its id, route pattern and status. /metrics counts the same requests.
const BOB = { email: "bob@example.test", password: "bob-pass" };
const PORT = Number(process.env.E2E_PORT ?? 3100) + 1;
const DATA_DIR = "data/e2e-logs";
const TAG = crypto.randomBytes(3).toString("hex");
const BODY = `Launch code ${crypto.randomBytes(6).toString("hex")} stays between us.`;
const NOTICE_SUBJECT = "A message from ";
const LINK = /https?:\/\/[^\s/]+\/r\/([A-Za-z0-9_-]{22})#([A-Za-z0-9_-]{43})/;
let postern: PosternProcess;

test.describe.configure({ mode: "serial" });
test.beforeAll(async () => {
  test.setTimeout(90_000);
  fs.rmSync(DATA_DIR, { recursive: true, force: true });
  await removeBySubject(BOB, ["INBOX"], NOTICE_SUBJECT);
  postern = await startPostern({ port: PORT, dataDir: DATA_DIR, env: { SEND_DELAY_SECONDS: "0", LOG_LEVEL: "info" } });
});
test.afterAll(async () => {
  await postern?.kill();
  await removeBySubject(ALICE, ["Sent", "Drafts"], TAG);
  await removeBySubject(BOB, ["INBOX"], NOTICE_SUBJECT);
});
test.use({ baseURL: `http://127.0.0.1:${PORT}` });

type LogLine = { level?: string; msg?: string; reqId?: string; route?: string; status?: number; ms?: number };

test("logs carry request ids and routes but no password, cookie, CSRF token, link secret or message text", async ({ page, browser, context }) => {
  test.setTimeout(120_000);
  await signIn(page, ALICE);
  const cookies = (await context.cookies()).map((c) => c.value).filter((v) => v.length >= 16);
  expect(cookies.length).toBeGreaterThan(0);
  const csrf = await page.locator('meta[name="postern-csrf"]').getAttribute("content");
  expect(csrf?.length).toBeGreaterThan(10);

  await page.goto("/mail/compose");
  await page.getByLabel("To", { exact: true }).fill(BOB.email);
  await page.getByLabel("Subject").fill(`Plans ${TAG}`);
  await page.getByLabel("Message", { exact: true }).fill(BODY);
  await page.getByLabel("Confirm reading with a one-time link").check();
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page).toHaveURL(/notice=notices\.messageSent/, { timeout: 30_000 });

  let link = "";
  await expect
    .poll(async () => {
      const [source] = await withLabImap(BOB, async (imap) => (await fetchBySubject(imap, "INBOX", NOTICE_SUBJECT)).map((m) => m.source));
      link = source ? (LINK.exec((await simpleParser(source)).text ?? "")?.[0] ?? "") : "";
      return link;
    }, { timeout: 20_000 })
    .toMatch(LINK);
  const [, token, key] = LINK.exec(link)!;
  const bob = await browser.newPage();
  const opened = await bob.goto(link);
  const requestId = opened?.headers()["x-request-id"];
  expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
  await bob.getByRole("button", { name: "Open — this can be done only once" }).click();
  await expect(bob.getByTestId("read-link-text")).toContainText(BODY);
  await bob.close();

  // Metrics: open from this machine, closed to a request relayed by a proxy it does not trust.
  const metrics = await page.request.get("/metrics");
  expect(metrics.status()).toBe(200);
  const text = await metrics.text();
  expect(text).toMatch(/postern_http_request_duration_seconds_count\{method="GET",route="\/r\/\[token\]",status="200"\} [1-9]/);
  expect(text).toMatch(/postern_read_links_opened_total 1\b/);
  expect(text).toMatch(/postern_sends_total\{result="sent"\} 1\b/);
  expect(text).not.toContain(token);
  expect((await page.request.get("/metrics", { headers: { "X-Forwarded-For": "203.0.113.9" } })).status()).toBe(401);

  // The log line of a request is written as its response closes.
  await expect.poll(() => postern.output().includes(`"reqId":"${requestId}"`)).toBe(true);
  const output = postern.output();
  const secrets = { password: ALICE.password, csrf: csrf!, token, key, body: BODY, ...Object.fromEntries(cookies.map((c, i) => [`cookie ${i}`, c])) };
  for (const [name, secret] of Object.entries(secrets)) expect(output.includes(secret), `${name} is in the log`).toBe(false);

  const lines: LogLine[] = output.split("\n").filter((l) => l.startsWith("{")).map((l) => JSON.parse(l));
  const linkLine = lines.find((l) => l.reqId === requestId);
  expect(linkLine).toMatchObject({ level: "info", msg: "request", route: "/r/[token]", status: 200, ms: expect.any(Number) });
  const routes = new Set(lines.filter((l) => l.msg === "request").map((l) => l.route));
  for (const route of ["/login", "/mail", "/mail/compose", "/api/r/reveal"]) expect(routes).toContain(route);
});
