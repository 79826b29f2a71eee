import { expect, type Page } from "@playwright/test";

// Issue 21: every UI string comes from the catalog. The server (POSTERN_PSEUDO_LOCALE=1, e2e only)
// answers Accept-Language en-XA with the pseudo catalog: each string wrapped in ⟦…⟧ and accented.
// A word on a page outside the markers is text the catalog does not have, unless it is user data
// (marked translate="no": addresses, subjects, folder names, file names) or Intl's own output
// (dates in <time>, sizes).

/** Words outside ⟦…⟧ in the page's visible text and in the names it gives controls. */
async function untranslated(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const userData = (node: Node) => (node instanceof Element ? node : node.parentElement)?.closest('[translate="no"], time, script, style, noscript, template, iframe') !== null;
    const visible = (el: Element | null) => !!el && el.checkVisibility({ visibilityProperty: true } as CheckVisibilityOptions);
    const parts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (userData(node) || !(visible(el) || el?.closest("select, .sr-only"))) continue;
      parts.push(node.textContent ?? "");
    }
    // what assistive technology reads: names, hints and placeholders of elements
    for (const el of document.body.querySelectorAll("[aria-label], [title], [placeholder], img[alt]")) {
      if (userData(el)) continue;
      for (const attr of ["aria-label", "title", "placeholder", "alt"]) {
        const value = el.getAttribute(attr);
        if (value) parts.push(`\u0001${value}\u0001`);
      }
    }
    let text = parts.join("");
    // strip marked strings, innermost first (a message may carry another as a parameter)
    for (let before = ""; before !== text; ) {
      before = text;
      text = text.replace(/⟦[^⟦⟧]*⟧/g, " ");
    }
    return text.match(/\p{L}{2,}/gu) ?? [];
  });
}

/** Product names and Intl's unit names are not catalog text. */
const ALLOWED = new Set(["Postern", "kB", "MB", "GB", "byte", "bytes"]);

/** Fails, naming the words, when the page shows text the catalog does not have. */
export async function expectAllTranslated(page: Page) {
  const words = (await untranslated(page)).filter((w) => !ALLOWED.has(w));
  expect(words, `untranslated text on ${new URL(page.url()).pathname}${new URL(page.url()).search}`).toEqual([]);
}

/** Visits each path (after the page settles) and checks it. */
export async function expectPagesTranslated(page: Page, paths: string[]) {
  for (const path of paths) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    await expectAllTranslated(page);
  }
}

/** Signs in from the pseudo-locale sign-in page (its labels are pseudo text, so by field name). */
export async function pseudoSignIn(page: Page, user: { email: string; password: string }, landing = /\/mail/) {
  await page.goto("/login");
  await page.locator("input[name=email]").fill(user.email);
  await page.locator("input[name=password]").fill(user.password);
  await page.locator("button[type=submit]").first().click();
  await expect(page).toHaveURL(landing, { timeout: 30_000 });
}
