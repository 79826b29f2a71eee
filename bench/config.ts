import path from "node:path";

/** Repository root (bench/ sits directly under it). */
export const ROOT = path.resolve(import.meta.dirname, "..");

/** Where results and the bench server's own database go (gitignored, like all of data/). */
export const OUT_DIR = path.join(ROOT, "data/bench");
export const RESULTS_FILE = path.join(OUT_DIR, "results.json");
export const SERVER_DATA_DIR = path.join(OUT_DIR, "server");
export const SERVER_LOG = path.join(OUT_DIR, "server.log");
export const SERVER_MEMORY_FILE = path.join(OUT_DIR, "server-memory.json");

/** The only lab account the bench touches: other suites reseed alice/bob/carol at any time. */
export const LOAD_USER = { email: "load@example.test", password: "load-pass" } as const;

/** Folders of LOAD_USER and their sizes. INBOX is the 100k folder of `lab seed-big`; the others
 * are the bench's own, so a reseed of INBOX (which wipes the account) is detected and redone. */
export const BIG_FOLDER = { path: "INBOX", messages: 100_000 } as const;
export const SMALL_FOLDER = { path: "Bench1k", messages: 1_000 } as const;
/** The middle mailbox of the unified-inbox case (9): 100k, 10k and 1k merged. */
export const MEDIUM_FOLDER = { path: "Bench10k", messages: 10_000 } as const;
export const LARGE_MESSAGE_FOLDER = "Bench20MB";
export const ATTACHMENT_BYTES = 20 * 1024 * 1024;

/** Pages shown to the concurrent sessions: the first pages are what users actually look at. */
export const CONCURRENCY_PAGES = 20;
export const CONCURRENCY_LEVELS = [50, 200] as const;
export const CONCURRENCY_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
export const BASELINE_SECONDS = 3;
/** A paced variant: each of the 200 sessions waits 0..2×THINK_SECONDS (uniform) between pages, as
 * a person reading does; 200 sessions then ask ~200/THINK_SECONDS pages a second in all. */
export const THINK_SECONDS = 5;
export const PACED_RUN_SECONDS = 15;

/** Preferred port for the Postern server under test; any free port is used if it is taken. */
export const PREFERRED_PORT = Number(process.env.BENCH_PORT ?? 3300);

/**
 * Loopback source address of simulated browser `i`. Each signed-in session connects from its own
 * address, which Postern forwards to Dovecot as x-originating-ip: that is what a real crowd of
 * browsers looks like, and it keeps every (user, address) pair far below Dovecot's
 * mail_max_userip_connections (100) without touching the lab's config.
 */
export function browserAddress(i: number): string {
  return `127.0.${1 + Math.floor(i / 250)}.${1 + (i % 250)}`;
}
