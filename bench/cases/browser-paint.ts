import { chromium, type Page } from "@playwright/test";
import { BIG_FOLDER, LOAD_USER } from "../config";
import { row, type Row } from "../report-types";
import { summarize } from "../stats";

// The Chromium the e2e tests drive (Debian's), with playwright.config.ts's flags.
const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const ROUNDS = 20;
const WARMUP = 2;

/** Milliseconds from a click on list row `i` until the message's subject is in the page and the
 * next frame has run (what the reader sees), measured inside the page (no CDP round trips). */
// Page scripts as text: the bench runs under tsx, whose transform would name the functions with a
// helper (__name) that does not exist in the page.
const CLICK_SCRIPT = `(i) => new Promise((resolve, reject) => {
  const link = document.querySelectorAll('[data-testid="message-row"]')[i];
  if (!link) return reject(new Error("no row " + i));
  const subject = link.querySelector(".subject")?.textContent ?? "";
  const shown = () => document.querySelector('[data-testid="message-subject"]')?.textContent === subject;
  const t0 = performance.now();
  const observer = new MutationObserver(() => {
    if (!shown()) return;
    observer.disconnect();
    requestAnimationFrame(() => resolve(performance.now() - t0));
  });
  observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  link.click();
})`;

const BACK_SCRIPT = `() => new Promise((resolve) => {
  const listShown = () => !document.querySelector(".mail-app.has-message") && document.querySelector(".message-list")?.offsetParent != null;
  const t0 = performance.now();
  const observer = new MutationObserver(() => {
    if (!listShown()) return;
    observer.disconnect();
    requestAnimationFrame(() => resolve(performance.now() - t0));
  });
  observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ["class"] });
  history.back();
})`;

/** Milliseconds from a click on list row `i` until the message's subject is in the page and the
 * next frame has run (what the reader sees), measured inside the page (no CDP round trips). */
const clickToMessage = (page: Page, i: number) => page.evaluate(`(${CLICK_SCRIPT})(${i})`) as Promise<number>;

/** Milliseconds from the browser's Back (from a message to the list, phone layout: the list is
 * hidden while a message is open) until the list shows again and the next frame has run. */
const backToList = (page: Page) => page.evaluate(`(${BACK_SCRIPT})()`) as Promise<number>;

/**
 * Case 12 (issue 20): click → message painted and back → list painted, in Chromium against the
 * production build, on the 100k INBOX with a phone-sized window (there Back really brings the list
 * back; on a wide screen it stays beside the message). Row i+1 is clicked after row i was read, as
 * a reader going down the list does, so the read-ahead of the next message is what it measures.
 */
export async function browserPaint(ctx: { origin: URL }): Promise<Row[]> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: CHROMIUM_ARGS, headless: true });
  try {
    const page = await browser.newPage({ baseURL: ctx.origin.origin, viewport: { width: 390, height: 844 }, locale: "en-US" });
    await page.goto("/login");
    await page.getByLabel("Email address").fill(LOAD_USER.email);
    await page.getByLabel("Password").fill(LOAD_USER.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/mail/, { timeout: 60_000 });
    await page.goto(`/mail?folder=${encodeURIComponent(BIG_FOLDER.path)}`);
    await page.getByTestId("message-row").first().waitFor();
    const click: number[] = [];
    const back: number[] = [];
    // requests the page makes while going back: none when Next's client router cache serves the list
    let requests = 0;
    let backRequests = 0;
    let goingBack = false;
    const backKinds = new Map<string, number>();
    page.on("request", (r) => {
      requests++;
      if (!goingBack) return;
      // what a Back asks for: an RSC fetch of the list, or something else (live updates, assets)
      const kind = `${r.method()} ${new URL(r.url()).pathname}${r.headers()["rsc"] ? " (RSC)" : ""}`;
      backKinds.set(kind, (backKinds.get(kind) ?? 0) + 1);
    });
    for (let i = 0; i < WARMUP + ROUNDS; i++) {
      const c = await clickToMessage(page, i);
      const before = requests;
      goingBack = i >= WARMUP;
      const b = await backToList(page);
      goingBack = false;
      if (i >= WARMUP) {
        click.push(c);
        back.push(b);
        backRequests += requests - before;
      }
    }
    const c = summarize(click);
    const b = summarize(back);
    return [
      row({
        id: "12a",
        name: "click → message painted (Chromium, 100k INBOX, the next row each time), p50",
        measured: c.p50,
        unit: "ms",
        baselineName: null,
        baseline: null,
        target: null,
        note: `p95 ${c.p95.toFixed(1)} ms, ${c.n} clicks; until the subject is in the page and the next frame ran`,
        details: { click: c },
      }),
      row({
        id: "12b",
        name: "back → list painted (Chromium, phone layout), p50",
        measured: b.p50,
        unit: "ms",
        baselineName: null,
        baseline: null,
        target: null,
        note: `p95 ${b.p95.toFixed(1)} ms; ${backRequests} requests in ${b.n} Backs (0: the list came from Next's client router cache): ${[...backKinds].map(([k, n]) => `${n}× ${k}`).join(", ") || "none"}`,
        details: { back: b, backRequests, backKinds: Object.fromEntries(backKinds) },
      }),
    ];
  } finally {
    await browser.close();
  }
}
