import { Browser, listPath } from "../browser";
import { BIG_FOLDER, browserAddress, LOAD_USER } from "../config";
import { row, type Row } from "../report-types";
import { summarize } from "../stats";

/** Sign-in and first page of one new browser: what a person waits for after pressing "Sign in". */
async function signInAndList(b: Browser): Promise<number> {
  const t0 = performance.now();
  await b.signIn(LOAD_USER.email, LOAD_USER.password);
  await b.getJson(listPath(BIG_FOLDER.path, 1));
  return performance.now() - t0;
}

/**
 * Case 4r: a Monday-morning rush. `count` browsers that have never been here (new connections, no
 * session) sign in at the same moment, each from its own address, and each asks for its first
 * page of the 100k INBOX; against one browser doing the same alone (median of 5, this run's
 * baseline). Every sign-in is a TLS connect, LOGIN and SELECT of 100k messages on Dovecot.
 */
export async function signInRush(ctx: { origin: URL; count: number; firstAddress: number }): Promise<{ rows: Row[]; browsers: Browser[] }> {
  const alone: number[] = [];
  const browsers: Browser[] = [];
  for (let i = 0; i < 5; i++) {
    const b = new Browser(ctx.origin, browserAddress(ctx.firstAddress + i));
    browsers.push(b);
    alone.push(await signInAndList(b));
  }
  const crowd = Array.from({ length: ctx.count }, (_, i) => new Browser(ctx.origin, browserAddress(ctx.firstAddress + 5 + i)));
  browsers.push(...crowd);
  let failures = 0;
  let firstFailure: string | null = null;
  const t0 = performance.now();
  const times = await Promise.all(
    crowd.map((b) =>
      signInAndList(b).catch((e: unknown) => {
        failures++;
        firstFailure ??= String(e);
        return null;
      }),
    ),
  );
  const wall = performance.now() - t0;
  const rush = summarize(times.filter((t): t is number => t !== null));
  const single = summarize(alone);
  return {
    browsers,
    rows: [
      row({
        id: "4r",
        name: `${ctx.count} browsers signing in at once, sign-in + first page, p95`,
        measured: rush.p95,
        unit: "ms",
        baselineName: "1 browser alone, p50 of 5",
        baseline: single.p50,
        target: { max: 3_000, of: "value" },
        note:
          `p50 ${rush.p50.toFixed(0)} ms, max ${rush.max.toFixed(0)} ms; all ${ctx.count} done in ${(wall / 1000).toFixed(1)} s ` +
          `(${((ctx.count * 1000) / wall).toFixed(0)} sign-ins/s), ${failures} failed` +
          (firstFailure ? ` (first: ${String(firstFailure).slice(0, 160)})` : ""),
        details: { rush, single, failures },
      }),
    ],
  };
}
