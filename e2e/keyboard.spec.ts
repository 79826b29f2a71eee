import { expect, test, type Page } from "@playwright/test";
import { SUBJECTS } from "../mail-lab/seed/corpus.mjs";
import { ALICE } from "./helpers";

// Issue 21: the whole mail flow with the keyboard alone (no clicks): sign in, open a message,
// reply and send, back to the list, move a message; focus goes where the reader is, and live
// regions say what happened.

/** Tabs forward until the focused element matches, as a keyboard user would. */
async function tabTo(page: Page, matches: (el: Element) => boolean, opts: { back?: boolean; max?: number } = {}): Promise<void> {
  for (let i = 0; i < (opts.max ?? 200); i++) {
    await page.keyboard.press(opts.back ? "Shift+Tab" : "Tab");
    if (await page.evaluate((src) => {
      const el = document.activeElement;
      return !!el && new Function("el", `return (${src})(el)`)(el);
    }, matches.toString())) return;
  }
  throw new Error(`no focusable element matched ${matches.toString()}`);
}

const focused = (page: Page) => page.locator("*:focus");

test("sign in, read, reply, go back and move a message with the keyboard alone", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/login");
  // the address field has focus from the start
  await page.keyboard.type(ALICE.email);
  await page.keyboard.press("Tab");
  await page.keyboard.type(ALICE.password);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/mail/, { timeout: 30_000 });

  // open the message: Tab to its row, Enter; focus lands on its heading
  await tabTo(page, (el) => el.getAttribute("data-testid") === "message-row" && (el.textContent ?? "").includes("Lunch on Thursday?"));
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("message-subject")).toHaveText(SUBJECTS.plain);
  await expect(page.getByTestId("message-subject")).toBeFocused();

  // reply: the composer puts the caret in the body; Ctrl+Enter sends
  await tabTo(page, (el) => el.getAttribute("data-testid") === "reply");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/mail\/compose/);
  await expect(page.getByLabel("Message", { exact: true })).toBeFocused();
  await page.keyboard.type("Thursday works, see you then.");
  await page.keyboard.press("Control+Enter");
  await expect(page).toHaveURL(/notice=notices\.messageSent/, { timeout: 60_000 });
  // the result is announced: a status region
  await expect(page.getByRole("status").filter({ hasText: "Message sent." })).toBeVisible();

  // open the message again, then back to the list with "u": focus returns to its row
  await tabTo(page, (el) => el.getAttribute("data-testid") === "message-row" && (el.textContent ?? "").includes("Lunch on Thursday?"));
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("message-subject")).toBeFocused();
  await page.keyboard.press("u");
  await expect(page).not.toHaveURL(/uid=/);
  await expect(focused(page)).toHaveAttribute("data-testid", "message-row");
  await expect(focused(page)).toContainText(SUBJECTS.plain);

  // move it: Space ticks its box, the "Move to…" menu takes the arrow keys
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Shift+Tab");
  await expect(focused(page)).toHaveAttribute("type", "checkbox");
  await page.keyboard.press("Space");
  await expect(page.getByTestId("selection-count")).toHaveText("1 selected");
  await tabTo(page, (el) => el.getAttribute("aria-label") === "Move selected messages to");
  // the first folder in the menu: picking it acts at once (and the menu goes with the selection)
  const [, first] = await page.getByLabel("Move selected messages to").locator("option").allTextContents();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByTestId("action-announcer")).toHaveText(`Moved to ${first}.`);
  await expect(page.getByTestId("message-row").filter({ hasText: SUBJECTS.plain })).toHaveCount(0);

  // and back, with the toast's Undo (keyboard again)
  await tabTo(page, (el) => el.closest("[data-testid=toast]") !== null && el.textContent === "Undo", { back: true });
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("action-announcer")).toHaveText("Undone.");
  await expect(page.getByTestId("message-row").filter({ hasText: SUBJECTS.plain })).toHaveCount(1);
});
