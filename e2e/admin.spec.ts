import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";
import { ALICE, signIn } from "./helpers";
import { startPostern, type PosternProcess } from "./postern-process";

// Issue 19's admin page, on a Postern of its own with ADMIN_EMAILS=alice: bob and anonymous
// visitors get 404 for the page and its API; alice sees the processes, and lifts a sign-in lockout
// of bob's (written to the shared table as another process's limiter would) with the Unlock
// button, after which bob can sign in again.
const BOB = { email: "bob@example.test", password: "bob-pass" };
const PORT = Number(process.env.E2E_PORT ?? 3100) + 1;
const DATA_DIR = "data/e2e-admin";
let postern: PosternProcess;

test.describe.configure({ mode: "serial" });
test.beforeAll(async () => {
  test.setTimeout(90_000);
  fs.rmSync(DATA_DIR, { recursive: true, force: true });
  postern = await startPostern({ port: PORT, dataDir: DATA_DIR, env: { ADMIN_EMAILS: " Alice@Example.test " } });
});
test.afterAll(async () => postern?.kill());
test.use({ baseURL: `http://127.0.0.1:${PORT}` });

test("nobody but an admin can reach /admin or its API", async ({ page, request }) => {
  expect((await request.get("/admin")).status()).toBe(404);
  expect((await request.get("/api/admin/overview")).status()).toBe(404);
  await signIn(page, BOB);
  const res = await page.goto("/admin");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Administration" })).toHaveCount(0);
  expect((await page.request.get("/api/admin/overview")).status()).toBe(404);
});

test("an admin sees processes and statistics, and unlocks a locked-out user", async ({ page, browser }) => {
  // bob is locked out from this address (as ten wrong passwords would do), in the shared table.
  const db = new Database(path.resolve(DATA_DIR, "postern.db"));
  const now = Date.now();
  db.prepare(`INSERT OR REPLACE INTO "FailureCount" ("key", "windowStart", "failures", "lockouts", "lockedUntil", "lastFailureAt") VALUES (?, ?, 0, 1, ?, ?)`).run(
    `login:${BOB.email} ip:127.0.0.1`, now, now + 15 * 60_000, now,
  );
  db.close();
  const bob = await browser.newPage();
  await bob.goto("/login");
  await bob.getByLabel("Email address").fill(BOB.email);
  await bob.getByLabel("Password").fill(BOB.password);
  await bob.getByRole("button", { name: "Sign in" }).click();
  await expect(bob.getByText(/Too many failed sign-in attempts/)).toBeVisible();

  await signIn(page, ALICE);
  await page.goto("/admin");
  await expect(page.getByRole("heading", { name: "Administration" })).toBeVisible();
  await expect(page.getByTestId("process").filter({ hasText: "(this one)" })).toHaveCount(1);
  await expect(page.getByTestId("sessions-active")).toContainText(/[1-9]\d* sessions? active/);
  await expect(page.getByTestId("read-link-stats")).toContainText("Opened");
  await expect(page.getByTestId("spam-stats")).toContainText("Judged spam");
  const lockout = page.getByTestId("lockout").filter({ hasText: BOB.email });
  await expect(lockout).toContainText("127.0.0.1");
  await lockout.getByRole("button", { name: "Unlock" }).click();
  await expect(page.getByTestId("admin-notice")).toHaveText("Lockout lifted.");
  await expect(page.getByTestId("lockout").filter({ hasText: BOB.email })).toHaveCount(0);

  await bob.getByLabel("Password").fill(BOB.password);
  await bob.getByRole("button", { name: "Sign in" }).click();
  await expect(bob).toHaveURL(/\/mail/, { timeout: 30_000 });
  await expect(bob.getByTestId("account")).toHaveText(BOB.email);
});
