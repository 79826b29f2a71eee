import path from "node:path";
import { defineConfig } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const root = import.meta.dirname;

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  // One mail lab, one alice: journeys run one after another.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  reporter: "list",
  outputDir: "data/test-results/e2e-artifacts",
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    headless: true,
    // The UI follows Accept-Language (lib/i18n): specs find elements by their English names, so
    // the browser asks for English unless a spec says otherwise (e2e/languages.spec.ts).
    locale: "en-US",
    // Dates Postern writes follow the browser's zone (the tz cookie): specs that check a written
    // date expect UTC, whatever the machine's own zone (e2e/pseudo-locale-errors.spec.ts sets another)
    timezoneId: "UTC",
    acceptDownloads: true,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    command: "node server.mjs",
    url: `http://127.0.0.1:${PORT}/login`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    env: {
      PORT: String(PORT),
      HOST: "127.0.0.1",
      // One process: journeys that count per-process things (live watchers, the restart test's
      // kill) see exactly one; several processes are the behind-nginx and workers specs' subject.
      WORKERS: "1",
      NEXT_TELEMETRY_DISABLED: "1",
      POSTERN_DATA_DIR: path.join(root, "data/e2e"),
      MAIL_CA_FILE: path.join(root, "data/lab/ssl/cert.pem"),
      IMAP_PORT: process.env.LAB_IMAP_PORT ?? "3143",
      SMTP_PORT: process.env.LAB_SUBMISSION_PORT ?? "3587",
      SIEVE_PORT: process.env.LAB_SIEVE_PORT ?? "4190",
      NNTP_PORT: process.env.LAB_NNTP_PORT ?? "3119",
      // the test image servers (e2e/canary-server.ts) listen on 127.0.0.1; never set outside tests
      IMAGE_PROXY_ALLOW_LOOPBACK: "1",
      // the lab's servers, typed by users as "localhost" (a typed 127.0.0.1 stays refused)
      INTERNAL_HOSTS: "localhost",
      // several specs add alice's other accounts within minutes (and retries add more)
      ACCOUNT_CHECKS_PER_15_MIN: "100",
      // the identity journeys send as sales@ without a confirmation mail (an admin-allowed address)
      IDENTITY_ALLOWED_ADDRESSES: "sales@example.test",
      // warnings and errors only: one JSON line per request would bury them (e2e/request-logs.spec.ts reads those)
      LOG_LEVEL: "warn",
      // the pseudo locale en-XA (lib/i18n/locales.ts) for e2e/pseudo-locale.spec.ts; never set outside tests
      POSTERN_PSEUDO_LOCALE: "1",
    },
  },
});
