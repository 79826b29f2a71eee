import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { ALICE } from "./helpers";
import { startPostern, type PosternProcess } from "./postern-process";
import { expectAllTranslated, pseudoSignIn } from "./pseudo-check";

// Issue 21: the admin page shows only catalog strings, on a Postern of its own where alice is an
// admin (as in e2e/admin.spec.ts), with the pseudo locale on.
const PORT = Number(process.env.E2E_PORT ?? 3100) + 1;
const DATA_DIR = "data/e2e-pseudo-admin";
let postern: PosternProcess;

test.describe.configure({ mode: "serial" });
test.beforeAll(async () => {
  test.setTimeout(90_000);
  fs.rmSync(DATA_DIR, { recursive: true, force: true });
  postern = await startPostern({ port: PORT, dataDir: DATA_DIR, env: { ADMIN_EMAILS: ALICE.email, POSTERN_PSEUDO_LOCALE: "1" } });
});
test.afterAll(async () => postern?.kill());
test.use({ baseURL: `http://127.0.0.1:${PORT}`, locale: "en-XA", timezoneId: "Asia/Bangkok" });

test("the admin page shows only catalog strings (pseudo locale), its times in the reader's zone", async ({ page }) => {
  await pseudoSignIn(page, ALICE);
  // the mail page the sign-in lands on tells the server the zone (app/i18n/time-zone-cookie.tsx)
  await expect.poll(async () => (await page.context().cookies()).find((c) => c.name === "tz")?.value).toBe(encodeURIComponent("Asia/Bangkok"));
  await page.goto("/admin");
  await expect(page.getByTestId("processes")).toBeVisible();
  await expectAllTranslated(page);
  const started = page.getByTestId("processes").locator("time").first();
  await expect(started).toBeVisible();
  await expect(started).not.toContainText("UTC");
});
