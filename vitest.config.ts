import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "@": path.resolve(import.meta.dirname) };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      { resolve: { alias }, test: { name: "unit", include: ["lib/**/*.test.ts", "app/**/*.test.ts"], environment: "node" } },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          // one lab, one set of mailboxes: files must not race each other
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
          globalSetup: ["tests/integration/global-setup.ts"],
          env: {
            POSTERN_DATA_DIR: path.resolve(import.meta.dirname, "data/test-integration"),
            MAIL_CA_FILE: path.resolve(import.meta.dirname, "data/lab/ssl/cert.pem"),
            IMAP_PORT: process.env.LAB_IMAP_PORT ?? "3143",
            SMTP_PORT: process.env.LAB_SUBMISSION_PORT ?? "3587",
            SIEVE_PORT: process.env.LAB_SIEVE_PORT ?? "4190",
            NNTP_PORT: process.env.LAB_NNTP_PORT ?? "3119",
            // the lab's servers, typed by users as "localhost" (a typed 127.0.0.1 stays refused)
            INTERNAL_HOSTS: "localhost",
          },
        },
      },
    ],
  },
});
