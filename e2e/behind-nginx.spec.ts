import crypto from "node:crypto";
import fs from "node:fs";
import pg from "pg";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { fetchBySubject } from "../tests/fixtures/mailbox-by-subject";
import { compose, row, signIn } from "./helpers";
import { arrived, removeBySubject, withLabImap } from "./lab-imap";
import { BOB, sendAs } from "./lab-smtp";
import { accessLogEnd, createLabDatabase, dropLabDatabase, NGINX_URL, requestsSince, UPSTREAM_PORTS } from "./nginx-lab";
import { startPostern, type PosternProcess } from "./postern-process";

// Issue 19: the production nginx config (deploy/nginx/postern.conf, run by the lab's nginx over
// HTTPS) in front of TWO Postern processes that share one PostgreSQL database and one secret key,
// with no sticky sessions. One of them is SIGKILLed in the middle of a user's work: nginx fails
// over, and the session, the draft and the message waiting to be sent live on in the database.
const CAROL = { email: "carol@example.test", password: "carol-pass" };
const TAG = crypto.randomBytes(3).toString("hex");
const DATABASE = `postern_e2e_nginx_${TAG}`;
// The two processes start together on a fresh database (migrations under the lock) and build
// nothing: a few minutes on a busy machine at most.
const TIMEOUT = 240_000;

let databaseUrl = "";
let processEnv: Record<string, string> = {};
const servers = new Map<number, PosternProcess>();

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(TIMEOUT);
  databaseUrl = createLabDatabase(DATABASE);
  // One key for every process: sessions, sealed credentials and read links are encrypted with it.
  processEnv = {
    DATABASE_URL: databaseUrl,
    POSTERN_SECRET_KEY: crypto.randomBytes(32).toString("hex"),
    TRUST_PROXY: "1",
    SEND_DELAY_SECONDS: "8",
  };
  const started = await Promise.all(
    UPSTREAM_PORTS.map((port, i) => {
      const dataDir = `data/e2e-nginx-${i + 1}`;
      fs.rmSync(dataDir, { recursive: true, force: true });
      return startPostern({ port, dataDir, env: processEnv });
    }),
  );
  UPSTREAM_PORTS.forEach((port, i) => servers.set(port, started[i]));
});

test.afterAll(async () => {
  await Promise.all([...servers.values()].map((s) => s.kill()));
  await removeBySubject(BOB, ["INBOX", "Sent", "Drafts"], TAG);
  await removeBySubject(CAROL, ["INBOX"], TAG);
  if (databaseUrl) dropLabDatabase(DATABASE);
});

async function pageAt(browser: Browser, baseURL: string, extraHTTPHeaders?: Record<string, string>): Promise<Page> {
  // The lab's certificate is self-signed.
  const context = await browser.newContext({ baseURL, ignoreHTTPSErrors: true, extraHTTPHeaders });
  return context.newPage();
}

const closeContexts = (browser: Browser) => Promise.all(browser.contexts().map((c) => c.close()));

async function sessionAddresses(): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ clientIp: string | null }>(`SELECT "clientIp" FROM "Session" WHERE "email" = $1`, [BOB.email]);
    return rows.map((r) => r.clientIp ?? "");
  } finally {
    await client.end();
  }
}

test("one of two Postern processes is killed mid-session: the other serves on, the draft is kept and the message goes out once", async ({ browser }) => {
  test.setTimeout(TIMEOUT);
  const read = `Read behind nginx ${TAG}`;
  await sendAs(CAROL, { to: BOB.email, subject: read, text: "Both processes can read me." });
  await arrived(BOB, "INBOX", read);

  // A client's own X-Forwarded-For must not become the address Postern records.
  const page = await pageAt(browser, NGINX_URL, { "X-Forwarded-For": "203.0.113.66" });
  try {
    const before = accessLogEnd();
    await signIn(page, BOB);
    expect(await sessionAddresses()).toEqual(["127.0.0.1"]);
    await row(page, read).click();
    await expect(page.getByTestId("message-subject")).toHaveText(read);
    await expect(page.getByText("Both processes can read me.")).toBeVisible();

    const draft = `Kept draft ${TAG}`;
    await compose(page, { to: "carol@example.test", subject: draft, body: "Not finished yet" });
    await expect(page.getByTestId("draft-saved")).toBeVisible({ timeout: 15_000 });

    const sent = `Sent once behind nginx ${TAG}`;
    await compose(page, { to: "carol@example.test", subject: sent, body: "Exactly one copy, please." });
    await page.getByRole("button", { name: "Send" }).click();
    await expect(page.getByTestId("outbox")).toContainText("Sending in");

    // Round robin, no stickiness: both processes served this one session.
    const served = requestsSince(before);
    expect(new Set(served.map((r) => r.upstreams.at(-1))).size).toBe(2);
    const send = served.find((r) => r.method === "POST" && r.path === "/api/compose/send");
    expect(send?.status).toBe(200);
    const victim = send!.upstreams.at(-1)!;
    const survivor = UPSTREAM_PORTS.find((p) => p !== victim)!;

    // The process that queued the message dies before it is due.
    const afterKill = accessLogEnd();
    await servers.get(victim)!.kill("SIGKILL");
    servers.delete(victim);

    // The composer keeps following the message through nginx; the survivor sends it when due.
    await expect(page).toHaveURL(/notice=notices\.messageSent/, { timeout: 60_000 });
    await expect(page.getByTestId("mail-notice")).toHaveText("Message sent.");
    // Still signed in, and the draft is there, on the other process.
    await page.goto("/mail?folder=Drafts");
    await expect(page.getByTestId("account")).toHaveText(BOB.email);
    await expect(row(page, draft)).toBeVisible();
    await row(page, draft).click();
    await page.getByTestId("edit-draft").click();
    await expect(page.getByLabel("Message", { exact: true })).toHaveValue("Not finished yet");

    // Every request since the kill was answered by the survivor; those that nginx first gave the
    // dead process were passed on to it (passive failover), none was lost.
    const after = requestsSince(afterKill);
    expect(after.some((r) => r.upstreams.length === 2)).toBe(true);
    for (const r of after) {
      expect(r.upstreams.at(-1), `${r.method} ${r.path}`).toBe(survivor);
      expect(r.status, `${r.method} ${r.path}`).toBeLessThan(500);
    }

    await arrived(CAROL, "INBOX", sent);
    await arrived(BOB, "Sent", sent);
    expect(await withLabImap(CAROL, (imap) => fetchBySubject(imap, "INBOX", sent))).toHaveLength(1);
    expect(await withLabImap(BOB, (imap) => fetchBySubject(imap, "Sent", sent))).toHaveLength(1);
  } finally {
    await closeContexts(browser);
  }
});

test("live updates across processes: what a tab on one process does reaches a tab on the other through IMAP", async ({ browser }) => {
  test.setTimeout(TIMEOUT);
  // Bring back whichever process the first test killed, so both run again.
  for (const [i, port] of UPSTREAM_PORTS.entries()) {
    if (!servers.has(port)) servers.set(port, await startPostern({ port, dataDir: `data/e2e-nginx-${i + 1}`, env: processEnv }));
  }
  const [first, second] = UPSTREAM_PORTS.map((port) => servers.get(port)!.url);
  const subject = `Live across processes ${TAG}`;
  // Two tabs of one session, each pinned to its own process (a session cookie is per host, not per
  // port, so the sign-in on the first process is the session on the second).
  const watching = await pageAt(browser, first);
  try {
    await signIn(watching, BOB);
    await expect(watching.getByTestId("live-updates")).toHaveAttribute("data-state", "watching");
    await watching.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
    await sendAs(CAROL, { to: BOB.email, subject });
    await expect(row(watching, subject).locator("xpath=..")).toHaveClass(/unread/);

    const acting = await watching.context().newPage();
    await acting.goto(`${second}/mail`);
    await expect(acting.getByTestId("account")).toHaveText(BOB.email);
    await row(acting, subject).click();
    await expect(acting.getByTestId("message-subject")).toHaveText(subject);
    // Read on the second process: the first one's IDLE sees the \Seen flag change.
    await expect(row(watching, subject).locator("xpath=..")).not.toHaveClass(/unread/);
    await acting.getByRole("toolbar", { name: "Message actions" }).getByRole("button", { name: "Delete" }).click();
    await expect(row(watching, subject)).toHaveCount(0);
    expect(await watching.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  } finally {
    await closeContexts(browser);
  }
});
