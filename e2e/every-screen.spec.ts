import { expect, test, type Locator } from "@playwright/test";
import { SUBJECTS, TEXTS } from "../mail-lab/seed/corpus.mjs";
import { ALICE, row, signIn } from "./helpers";
import { expectNoSidewaysScroll } from "./phone-fit";

// Issue 21: Postern on a phone, and in dark mode. Alice's seeded mailbox is only read here; her
// appearance setting is put back to "as the system says" at the end.

/** WCAG relative luminance of a CSS rgb()/rgba() colour. */
function luminance(css: string): number {
  const [r, g, b] = (css.match(/[\d.]+/g) ?? ["0", "0", "0"]).slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};

async function colours(target: Locator) {
  return target.first().evaluate((el) => {
    const own = getComputedStyle(el);
    // the first ancestor with a background of its own is what the text is seen on
    let bgEl: Element | null = el;
    let bg = "rgba(0, 0, 0, 0)";
    while (bgEl && (bg === "rgba(0, 0, 0, 0)" || bg === "transparent")) {
      bg = getComputedStyle(bgEl).backgroundColor;
      bgEl = bgEl.parentElement;
    }
    return { text: own.color, background: bg };
  });
}

test.describe("on a phone (390 x 844, touch)", () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

  test("list, message and back, one pane at a time; folders in a drawer; nothing scrolls sideways", async ({ page }) => {
    await signIn(page);
    await expect(page.getByTestId("message-row").first()).toBeVisible();
    await expect(page.getByTestId("back-to-list")).toBeHidden();
    await expectNoSidewaysScroll(page);

    const first = page.getByTestId("message-row").first();
    await first.tap();
    await expect(page).toHaveURL(/uid=/);
    await expect(page.getByRole("region", { name: "Message" }).or(page.locator(".message-view")).first()).toBeVisible();
    await expect(page.getByTestId("message-row").first()).toBeHidden();
    await expectNoSidewaysScroll(page);

    await page.getByTestId("back-to-list").tap();
    await expect(page).not.toHaveURL(/uid=/);
    await expect(page.getByTestId("message-row").first()).toBeVisible();

    await expect(page.getByRole("navigation", { name: "Folders" })).toBeHidden();
    await page.getByTestId("folders-drawer").tap();
    const folders = page.getByRole("navigation", { name: "Folders" });
    await expect(folders).toBeVisible();
    const sent = folders.getByRole("link", { name: /Sent/ }).first();
    const box = await sent.boundingBox();
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(44); // a finger's width
    await sent.tap();
    await expect(page).toHaveURL(/folder=Sent/);
    await expect(page.getByRole("navigation", { name: "Folders" })).toBeHidden();
  });

  test("every other page fits a 320 px screen", async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await signIn(page);
    await expectNoSidewaysScroll(page);
    for (const path of ["/mail/compose", "/mail/settings", "/mail/receipts", "/mail/folders", "/mail/filters", "/mail/identities", "/mail/search?q=meeting", "/mail/sessions", "/mail/security", "/mail?view=threads", "/mail/contacts", "/mail/contacts?new=individual"]) {
      await page.goto(path);
      await expect(page.locator("body")).toBeVisible();
      await expectNoSidewaysScroll(page);
    }
    await page.goto("/mail");
    await page.getByTestId("message-row").first().click();
    await expectNoSidewaysScroll(page);
  });
});

test.describe("dark mode", () => {
  test.use({ colorScheme: "dark" });

  test("follows the system's dark setting with readable contrast, and Settings can choose light instead", async ({ page }) => {
    await signIn(page, ALICE);
    const dark = await colours(page.locator(".row .from"));
    expect(luminance(dark.background)).toBeLessThan(0.05); // a dark page
    expect(contrast(dark.text, dark.background)).toBeGreaterThanOrEqual(4.5);
    const link = await colours(page.locator(".folder.active"));
    expect(contrast(link.text, link.background)).toBeGreaterThanOrEqual(4.5);
    // the HTML newsletter is dark too, its text readable, its logo untouched
    await row(page, SUBJECTS.newsletter).click();
    const frame = page.frameLocator('[data-testid="html-body"]');
    const text = frame.getByText(TEXTS.newsletter);
    await expect(text).toBeVisible();
    const body = await frame.locator("body").evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(luminance(body)).toBeLessThan(0.05);
    const words = await colours(text);
    expect(contrast(words.text, words.background)).toBeGreaterThanOrEqual(4.5);
    // "Show original colours": the sender's white newsletter, as sent
    await page.getByTestId("color-switch").click();
    await expect(page.getByTestId("color-switch")).toHaveText("Adapt colours to the theme");
    await expect.poll(async () => luminance(await page.frameLocator('[data-testid="html-body"]').locator("body").evaluate((el) => getComputedStyle(el).backgroundColor))).toBeGreaterThan(0.8);
    try {
      await page.goto("/mail/settings");
      await page.getByLabel("Light", { exact: true }).check();
      await page.locator("#settings-appearance").locator("..").getByRole("button", { name: "Save" }).click();
      await expect(page.getByTestId("settings-notice")).toHaveText("Appearance saved.");
      await page.goto("/mail");
      const light = await colours(page.locator(".row .from"));
      expect(luminance(light.background)).toBeGreaterThan(0.8); // light, though the system is dark
      expect(contrast(light.text, light.background)).toBeGreaterThanOrEqual(4.5);
    } finally {
      await page.goto("/mail/settings");
      await page.getByLabel("As my device's system setting says").check();
      await page.locator("#settings-appearance").locator("..").getByRole("button", { name: "Save" }).click();
      await expect(page.getByTestId("settings-notice")).toHaveText("Appearance saved.");
    }
  });

  test("a conversation's HTML mail is dark too, with the same switch to the senders' own colours", async ({ page }) => {
    await signIn(page, ALICE);
    await row(page, SUBJECTS.newsletter).click();
    await expect(page.getByTestId("message-subject")).toHaveText(SUBJECTS.newsletter);
    const uid = new URL(page.url()).searchParams.get("uid")!;
    await page.goto(`/mail/conversation?folder=INBOX&uid=${uid}`);
    const background = () => page.frameLocator('[data-testid="html-body"]').first().locator("body").evaluate((el) => getComputedStyle(el).backgroundColor);
    await expect.poll(async () => luminance(await background())).toBeLessThan(0.05);
    await page.getByTestId("color-switch").click();
    await expect(page.getByTestId("color-switch")).toHaveText("Adapt colours to the theme");
    await expect.poll(async () => luminance(await background())).toBeGreaterThan(0.8);
  });
});
