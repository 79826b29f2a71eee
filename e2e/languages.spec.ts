import { expect, test, type Page } from "@playwright/test";
import { SUBJECTS } from "../mail-lab/seed/corpus.mjs";
import { ALICE, row, signIn } from "./helpers";

// Issue 21: the UI in English, German and Thai. German comes from the browser's Accept-Language,
// Thai from the account's choice in Settings → Appearance (put back to "as the browser says").

/** The row's date as the page shows it (made in the browser, in the page's language). */
async function shownDate(page: Page, subject: string): Promise<{ text: string; iso: string }> {
  const time = row(page, subject).first().locator("time");
  await expect(time).not.toHaveText(/^\d{4}-\d\d-\d\d$/); // the ISO placeholder until the browser formats it
  return { text: (await time.textContent()) ?? "", iso: (await time.getAttribute("datetime")) ?? "" };
}

test.describe("German from Accept-Language (de-AT)", () => {
  test.use({ locale: "de-AT" });

  test("sign-in, mail list and message speak German; dates and sizes are German", async ({ page }) => {
    await page.goto("/login");
    await expect(page.locator("html")).toHaveAttribute("lang", "de");
    await expect(page.getByText("Mit Ihrem Mailkonto anmelden")).toBeVisible();
    await page.getByLabel("E-Mail-Adresse").fill(ALICE.email);
    await page.getByLabel("Passwort").fill(ALICE.password);
    await page.getByRole("button", { name: "Anmelden" }).click();
    await expect(page).toHaveURL(/\/mail/, { timeout: 30_000 });

    await expect(page.getByRole("link", { name: "Verfassen" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Abmelden" })).toBeVisible();
    await expect(page.getByTestId("page-indicator")).toHaveText(/^Seite 1 von \d+$/);
    await expect(page.getByLabel("Nachrichten sortieren")).toBeVisible();

    // a seeded message from an earlier day: "6. Dez. 2026" style, as Intl formats German
    const { text, iso } = await shownDate(page, SUBJECTS.plain);
    const expected = new Date(iso).toDateString() === new Date().toDateString()
      ? new Intl.DateTimeFormat("de", { hour: "2-digit", minute: "2-digit" }).format(new Date(iso))
      : new Intl.DateTimeFormat("de", { year: "numeric", month: "short", day: "numeric" }).format(new Date(iso));
    expect(text).toBe(expected);
    // sizes with German decimals and units
    await expect(row(page, SUBJECTS.large).locator(".size")).toHaveText(/^\d+(,\d)? MB$/);

    await row(page, SUBJECTS.plain).first().click();
    await expect(page.getByTestId("message-subject")).toHaveText(SUBJECTS.plain);
    await expect(page.getByRole("link", { name: "Antworten", exact: true })).toBeVisible();
    await expect(page.locator(".message-header dt").first()).toHaveText("Von");
  });
});

test.describe("Thai chosen in Settings → Appearance", () => {
  test("the account's choice wins over the browser's English; Thai dates; back to automatic", async ({ page }) => {
    await signIn(page);
    await page.goto("/mail/settings");
    await page.getByTestId("language-select").selectOption("th");
    await page.locator("form").filter({ has: page.getByTestId("language-select") }).getByRole("button").click();
    try {
      await expect(page.locator("html")).toHaveAttribute("lang", "th");
      await expect(page.getByTestId("settings-notice")).toHaveText("บันทึกรูปลักษณ์แล้ว");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("การตั้งค่า");

      await page.goto("/mail");
      await expect(page.getByRole("link", { name: "เขียน" })).toBeVisible();
      await expect(page.getByTestId("page-indicator")).toHaveText(/^หน้า 1 จาก \d+$/);
      const { text, iso } = await shownDate(page, SUBJECTS.plain);
      const date = new Date(iso);
      if (date.toDateString() !== new Date().toDateString()) {
        // the Thai calendar counts years from the Buddha's era: 2026 is 2569
        expect(text).toContain(String(date.getFullYear() + 543));
        expect(text).toBe(new Intl.DateTimeFormat("th", { year: "numeric", month: "short", day: "numeric" }).format(date));
      }
      // Thai mail in a Thai page: its subject is shown as sent
      await expect(row(page, SUBJECTS.windows874).first()).toBeVisible();
    } finally {
      await page.goto("/mail/settings");
      await page.getByTestId("language-select").selectOption("auto");
      await page.locator("form").filter({ has: page.getByTestId("language-select") }).getByRole("button").click();
      await expect(page.locator("html")).toHaveAttribute("lang", "en");
    }
    await expect(page.getByTestId("settings-notice")).toHaveText("Appearance saved.");
  });

  test("Thai text wraps between words, never inside one", async ({ page }) => {
    await signIn(page);
    await page.goto("/mail/settings");
    await page.getByTestId("language-select").selectOption("th");
    await page.locator("form").filter({ has: page.getByTestId("language-select") }).getByRole("button").click();
    try {
      await expect(page.locator("html")).toHaveAttribute("lang", "th");
      await page.setViewportSize({ width: 360, height: 800 });
      // A long Thai hint on a narrow screen wraps; each line must end where a dictionary word ends.
      const hint = page.locator("section[aria-labelledby=settings-read-links] p").first();
      const lines = await hint.evaluate((el) => {
        // the text of each rendered line, from where each character lands on screen
        const range = document.createRange();
        const lines: string[] = [];
        let top: number | null = null;
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = node.textContent ?? "";
          for (let i = 0; i < text.length; i++) {
            range.setStart(node, i);
            range.setEnd(node, i + 1);
            const rect = range.getClientRects()[0];
            if (rect && (top === null || rect.top > top + 2)) {
              if (top !== null) lines.push("");
              top = rect.top;
            }
            if (lines.length === 0) lines.push("");
            lines[lines.length - 1] += text[i];
          }
        }
        return lines;
      });
      expect(lines.length).toBeGreaterThan(1);
      // every line ends where a Thai word ends (Intl.Segmenter's dictionary, as Chromium's)
      const whole = lines.join("");
      const boundaries = new Set([...new Intl.Segmenter("th", { granularity: "word" }).segment(whole)].map((s) => s.index));
      let offset = 0;
      for (const line of lines.slice(0, -1)) {
        offset += line.length;
        expect(boundaries.has(offset), `a line breaks inside a word: “${line.slice(-10)}|${whole.slice(offset, offset + 10)}”`).toBe(true);
      }
    } finally {
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.goto("/mail/settings");
      await page.getByTestId("language-select").selectOption("auto");
      await page.locator("form").filter({ has: page.getByTestId("language-select") }).getByRole("button").click();
      await expect(page.locator("html")).toHaveAttribute("lang", "en");
    }
  });
});
