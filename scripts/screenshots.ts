// README screenshots (desktop, phone 390 px, dark) of a running Postern signed in to the mail lab
// as alice, with the seeded demo mail (`npm run demo`, or `bash mail-lab/lab up && bash mail-lab/lab seed`
// and `npm start`). Not part of `npm test`: run it by hand after a visible change, look at the
// PNGs, commit them.
// The seeded mail is Thai, Japanese and emoji too: Debian's fonts-thai-tlwg, fonts-droid-fallback
// and fonts-noto-color-emoji make them show as text rather than boxes.
//   npx tsx scripts/screenshots.ts [http://127.0.0.1:3000]
import path from "node:path";
import { chromium, type Browser, type BrowserContextOptions } from "@playwright/test";
import { SUBJECTS } from "../mail-lab/seed/corpus.mjs";

const BASE = process.argv[2] ?? process.env.POSTERN_URL ?? "http://127.0.0.1:3000";
const OUT = path.join(import.meta.dirname, "..", "docs", "screenshots");
const ALICE = { email: "alice@example.test", password: "alice-pass" };

type Shot = { file: string; context: BrowserContextOptions; open: "newsletter" | "list" };

const SHOTS: Shot[] = [
  { file: "desktop.png", context: { viewport: { width: 1280, height: 800 } }, open: "newsletter" },
  { file: "phone.png", context: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true }, open: "list" },
  { file: "dark.png", context: { viewport: { width: 1280, height: 800 }, colorScheme: "dark" }, open: "newsletter" },
];

async function take(browser: Browser, shot: Shot): Promise<void> {
  const context = await browser.newContext({ ...shot.context, baseURL: BASE, locale: "en-US" });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Email address").fill(ALICE.email);
  await page.getByLabel("Password").fill(ALICE.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL(/\/mail/, { timeout: 30_000 });
  await page.getByTestId("message-row").first().waitFor();
  if (shot.open === "newsletter") {
    await page.getByTestId("message-row").filter({ hasText: SUBJECTS.newsletter }).first().click();
    await page.getByTestId("message-subject").filter({ hasText: SUBJECTS.newsletter }).waitFor();
    // the body is in its sandboxed frame, loaded after the page
    await page.frameLocator('[data-testid="html-body"]').locator("h1").first().waitFor();
  }
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: path.join(OUT, shot.file) });
  console.log(`wrote docs/screenshots/${shot.file}`);
  await context.close();
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
try {
  for (const shot of SHOTS) await take(browser, shot);
} finally {
  await browser.close();
}
