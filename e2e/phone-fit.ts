import { expect, type Locator, type Page } from "@playwright/test";

// A page on a 320 px phone screen: nothing scrolls sideways, and what a finger presses is at least
// 44 px tall (WCAG 2.5.5).

/** Nothing on the page is wider than the screen; names the innermost elements that stick out. */
export async function expectNoSidewaysScroll(page: Page) {
  const widths = await page.evaluate(() => {
    const screen = window.innerWidth;
    const over = [...document.querySelectorAll("body *")]
      .filter((el) => el.getBoundingClientRect().right > screen + 1 && ![...el.children].some((c) => c.getBoundingClientRect().right > screen + 1))
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join(".")} (${Math.round(el.getBoundingClientRect().right)} px)`);
    return { content: document.documentElement.scrollWidth, screen, over };
  });
  expect(widths.content, `page ${page.url()} is wider than the screen: ${widths.over.join(", ")}`).toBeLessThanOrEqual(widths.screen);
}

/** Every visible control in `scope` (buttons, fields, menus) is at least 44 px tall. */
export async function expectFingerSized(scope: Locator) {
  const small = await scope.evaluate((root) =>
    [...root.querySelectorAll("button, input:not([type=hidden]), select, textarea")]
      .filter((el) => el.checkVisibility())
      .map((el) => ({ name: `${el.tagName.toLowerCase()}[name=${el.getAttribute("name") ?? ""}] ${el.textContent?.trim() ?? ""}`, height: el.getBoundingClientRect().height }))
      .filter((c) => c.height < 44)
      .map((c) => `${c.name} (${Math.round(c.height)} px)`),
  );
  expect(small, "controls shorter than 44 px").toEqual([]);
}
