import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { SUBJECTS } from "../mail-lab/seed/corpus.mjs";
import { row, signIn } from "./helpers";

// Issue 21: axe-core on every main page, in the light and dark palettes and the phone layout:
// no serious or critical violation of WCAG 2.1 A/AA. The mail bodies' frames are the sender's
// content (adapted by lib/mime/dark-colors.ts, checked in every-screen.spec.ts), not Postern's UI.

async function expectAccessible(page: Page, name: string) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .exclude("iframe.html-body")
    .analyze();
  const bad = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => `${n.target.join(" ")}: ${n.failureSummary?.replace(/\s+/g, " ")}`).join(" | ")}`);
  expect(bad, `axe on ${name} (${page.url()})`).toEqual([]);
}

const MODES = [
  { name: "light", use: { colorScheme: "light" as const } },
  { name: "dark", use: { colorScheme: "dark" as const } },
  { name: "phone", use: { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true } },
];

for (const mode of MODES) {
  test.describe(`${mode.name}`, () => {
    test.use(mode.use);

    test(`every main page passes axe (${mode.name})`, async ({ page }) => {
      test.setTimeout(180_000);
      await page.goto("/login");
      await expectAccessible(page, "sign-in");
      await page.goto("/r/AAAAAAAAAAAAAAAAAAAAAA");
      await expectAccessible(page, "read-link page");

      await signIn(page);
      await expect(page.getByTestId("message-row").first()).toBeVisible();
      await expectAccessible(page, "message list");
      const uid = await row(page, SUBJECTS.plain).first().evaluate((a) => a.closest("li")?.dataset.uid);
      await page.goto(`/mail?folder=INBOX&uid=${uid}`);
      await expect(page.getByTestId("message-subject")).toHaveText(SUBJECTS.plain);
      await expectAccessible(page, "message");

      for (const [name, path] of [
        ["conversation", `/mail/conversation?folder=INBOX&uid=${uid}`],
        ["compose", "/mail/compose"],
        ["settings", "/mail/settings"],
        ["filters", "/mail/filters"],
        ["receipts", "/mail/receipts"],
        ["folders", "/mail/folders"],
        ["search", "/mail/search?q=Lunch&in=headers"],
      ] as const) {
        await page.goto(path);
        await page.waitForLoadState("networkidle");
        await expectAccessible(page, name);
      }
    });
  });
}
