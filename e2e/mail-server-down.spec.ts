import { execFileSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

// Issue 18: with the mail server down, the JSON API answered 500 "Something went wrong" with a
// stack trace per request: Postern's own "unreachable" error was not recognised in the production
// build. It must answer 503 with the reader's sentence, and pages must say the same.
const root = path.resolve(import.meta.dirname, "..");
const imapPort = Number(process.env.LAB_IMAP_PORT ?? 3143);

const portOpen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = net.connect(port, "127.0.0.1");
    s.once("connect", () => (s.destroy(), resolve(true)));
    s.once("error", () => resolve(false));
  });

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

test.afterAll(async () => {
  // the specs after this one need the lab back whatever happened above
  await expect
    .poll(() => {
      try {
        execFileSync("bash", [path.join(root, "mail-lab/lab"), "up"], { stdio: "ignore" });
        return true;
      } catch {
        return false;
      }
    }, { timeout: 90_000, intervals: [2_000] })
    .toBe(true);
  await expect.poll(() => portOpen(imapPort), { timeout: 30_000 }).toBe(true);
});

test("the mail server down: the API says 503 and why, the page says the same, nothing else breaks", async ({ page }) => {
  await signIn(page);
  await expect(page.getByTestId("message-row").first()).toBeVisible();
  // Stop the lab's Dovecot (the master the lab started, by its PID file), as the reconnect tests
  // do; then the processes it leaves behind in its process group (the login process that still
  // proxies Postern's TLS session), which would otherwise go on serving Postern's connection.
  const master = Number(fs.readFileSync(path.join(root, "data/lab/run/dovecot.pid"), "utf8"));
  process.kill(master, "SIGTERM");
  await expect.poll(() => alive(master), { timeout: 20_000 }).toBe(false);
  try {
    process.kill(-master, "SIGKILL");
  } catch {
    // nothing left in the group
  }
  await expect.poll(() => portOpen(imapPort), { timeout: 20_000 }).toBe(false);

  // Dovecot's imap processes end a moment after its master: poll until Postern's connection is gone.
  await expect.poll(async () => (await page.request.get("/api/messages/list?folder=INBOX&page=1")).status(), { timeout: 20_000 }).toBe(503);
  const res = await page.request.get("/api/messages/list?folder=INBOX&page=1");
  expect(await res.json()).toEqual({ error: { code: "IMAP_UNAVAILABLE", message: expect.stringContaining("The mail server cannot be reached") } });

  await page.reload();
  await expect(page.getByText("The mail server cannot be reached")).toBeVisible();
});
