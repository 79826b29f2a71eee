import { expect, test, type APIResponse, type Page } from "@playwright/test";
import { CORPUS_FILES, SUBJECTS } from "../mail-lab/seed/corpus.mjs";
import { row, signIn } from "./helpers";

// Issue 8, "the application": Postern's own pages run scripts only with a per-response nonce,
// and the message frame, attachments and source come with policies of their own.

const nonceOf = (csp: string) => /'nonce-([^']+)'/.exec(csp)?.[1];

function expectCommonHeaders(res: APIResponse) {
  const h = res.headers();
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["referrer-policy"]).toBe("no-referrer");
  expect(h["permissions-policy"]).toMatch(/camera=\(\).*geolocation=\(\).*microphone=\(\).*payment=\(\)/);
}

/** Records CSP violations in every document of the page, the message frame included. */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction("__cspViolation", (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { __cspViolation?: (v: string) => void }).__cspViolation?.(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  return violations;
}

test.describe("security headers", () => {
  test("pages carry a strict CSP with a fresh nonce, and every script carries that nonce", async ({ request }) => {
    const nonces = new Set<string>();
    for (const path of ["/login", "/login", "/no-such-page"]) {
      const res = await request.get(path);
      expectCommonHeaders(res);
      expect(res.headers()["x-frame-options"]).toBe("DENY");
      const csp = res.headers()["content-security-policy"];
      expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'(;|$)/);
      expect(csp).not.toMatch(/unsafe-inline'[^;]*;.*script|script-src[^;]*unsafe-(inline|eval)/);
      for (const d of ["frame-ancestors 'none'", "base-uri 'none'", "object-src 'none'", "form-action 'self'", "img-src 'self'"]) {
        expect(csp).toContain(d);
      }
      const nonce = nonceOf(csp)!;
      nonces.add(nonce);
      const scripts = [...(await res.text()).matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(scripts.length).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    }
    expect(nonces.size).toBe(3);
  });

  test("the signed-in app runs under that policy without a single violation", async ({ page }) => {
    const violations = await watchViolations(page);
    await signIn(page);
    await row(page, SUBJECTS.newsletter).click();
    const body = page.frameLocator('[data-testid="html-body"]');
    await expect(body.locator('img[src^="data:image/png"]').first()).toBeVisible();
    // React hydrated (its scripts ran with the nonce): a keyboard shortcut opens the help.
    await page.locator("body").press("?");
    await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
    // everything loaded, in the page and in the frame: a violation would have been reported by now
    await expect.poll(() => body.locator("html").evaluate(() => document.readyState)).toBe("complete");
    await expect.poll(() => page.evaluate(() => document.readyState)).toBe("complete");
    expect(violations).toEqual([]);
  });

  test("the message frame, attachments and source send their own policies", async ({ page }) => {
    await signIn(page);
    await row(page, SUBJECTS.newsletter).click();
    const frameSrc = await page.getByTestId("html-body").getAttribute("src");
    expect(frameSrc).toMatch(/^\/api\/messages\/html\?folder=INBOX&uid=\d+$/);

    const frame = await page.request.get(frameSrc!);
    expect(frame.status()).toBe(200);
    expectCommonHeaders(frame);
    expect(frame.headers()["content-type"]).toBe("text/html; charset=utf-8");
    expect(frame.headers()["x-frame-options"]).toBe("SAMEORIGIN");
    expect(frame.headersArray().filter((h) => h.name.toLowerCase() === "content-security-policy").map((h) => h.value)).toEqual([
      "default-src 'none'; img-src data:; style-src 'unsafe-inline'; form-action 'none'; base-uri 'none'; " +
        "frame-ancestors 'self'; sandbox allow-popups allow-popups-to-escape-sandbox",
    ]);
    const withImages = await page.request.get(`${frameSrc}&images=1`);
    // shown images come only through Postern's image proxy: no other remote source at all
    expect(withImages.headers()["content-security-policy"]).toContain(`img-src data: ${new URL(frameSrc!, page.url()).origin}/api/image-proxy;`);

    await page.goto("/mail");
    await row(page, SUBJECTS.pdf).click();
    const attachmentUrl = await page.getByTestId("attachment-link").filter({ hasText: CORPUS_FILES.pdf.name }).getAttribute("href");
    const attachment = await page.request.get(attachmentUrl!);
    expectCommonHeaders(attachment);
    expect(attachment.headers()["content-disposition"]).toMatch(/^attachment;/);
    expect(attachment.headers()["content-security-policy"]).toBe("sandbox; default-src 'none'");
    expect(attachment.headers()["x-frame-options"]).toBe("DENY");

    const sourceUrl = await page.getByRole("link", { name: "View source" }).first().getAttribute("href");
    const source = await page.request.get(sourceUrl!);
    expectCommonHeaders(source);
    expect(source.headers()["content-type"]).toBe("text/plain; charset=utf-8");
    expect(source.headers()["content-security-policy"]).toBe("sandbox; default-src 'none'");

    // JSON API answers get a policy that forbids everything
    const list = await page.request.get("/api/messages/list?folder=INBOX");
    expectCommonHeaders(list);
    expect(list.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
  });

  test("opened on its own, the message frame document is sandboxed: an opaque origin", async ({ page }) => {
    await signIn(page);
    await row(page, SUBJECTS.newsletter).click();
    const frameSrc = await page.getByTestId("html-body").getAttribute("src");
    await page.goto(frameSrc!);
    expect(await page.evaluate(() => window.origin)).toBe("null");
  });
});
