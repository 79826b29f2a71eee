import { expect, test } from "@playwright/test";
import { SUBJECTS } from "../mail-lab/seed/corpus.mjs";
import { row, signIn } from "./helpers";

test.describe("finding mail", () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page);
  });

  test("search finds the seeded thread and nothing else, and Clear returns to the folder", async ({ page }) => {
    await page.locator("body").press("/");
    await expect(page.getByRole("searchbox", { name: "Search this folder" })).toBeFocused();
    await page.keyboard.type(SUBJECTS.thread);
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("list-range")).toHaveText("1–4 of 4 found");
    const subjects = await page.getByTestId("message-row").locator(".subject").allTextContents();
    expect(subjects).toHaveLength(4);
    for (const s of subjects) expect(s).toMatch(/^(Re: )?Offsite planning$/);
    await expect(row(page, SUBJECTS.newsletter)).toHaveCount(0);
    await page.getByRole("link", { name: "Clear" }).click();
    await expect(page.getByTestId("list-range")).toHaveText(/^1–50 of \d+$/);
  });

  test("sorting by size puts the 10 MB message first", async ({ page }) => {
    await page.getByRole("combobox", { name: "Sort messages" }).selectOption({ label: "Largest first" });
    await expect(page).toHaveURL(/sort=size/);
    await expect(page.getByTestId("message-row").first().locator(".subject")).toHaveText(SUBJECTS.large);
  });
});
