import { getDb } from "@/lib/db/client";
import { getConfig } from "@/lib/env";
import { mailTlsSettings } from "@/lib/imap/connection-options";
import { probeGreeting } from "./probe-greeting";

/** How long one dependency may take to answer before it counts as down: within the 5 s a load
 * balancer's health check commonly waits (AWS ALB's default), so the answer arrives in time. */
export const READINESS_TIMEOUT_MS = 4000;

export type DependencyCheck = { ok: true; ms: number } | { ok: false; ms: number; error: string };
export type Readiness = { ready: boolean; checks: { database: DependencyCheck; imap: DependencyCheck; smtp: DependencyCheck } };

/**
 * Whether this process can serve: its database answers a query, and the IMAP and submission
 * servers greet. Each check has its own time limit and they run at once, so a load balancer gets
 * an answer within READINESS_TIMEOUT_MS. Errors name the dependency, never a credential.
 */
export async function checkReadiness(): Promise<Readiness> {
  const config = getConfig();
  const tlsSettings = mailTlsSettings(config);
  const [database, imap, smtp] = await Promise.all([
    timed(() => getDb().$queryRaw`SELECT 1`),
    timed(() =>
      probeGreeting({ host: config.IMAP_HOST, port: config.IMAP_PORT, expect: /^\* (OK|PREAUTH)/i, timeoutMs: READINESS_TIMEOUT_MS, tlsSettings: config.IMAP_TLS === "tls" ? tlsSettings : undefined }),
    ),
    timed(() =>
      probeGreeting({ host: config.SMTP_HOST, port: config.SMTP_PORT, expect: /^220[ -]/, timeoutMs: READINESS_TIMEOUT_MS, tlsSettings: config.SMTP_TLS === "tls" ? tlsSettings : undefined }),
    ),
  ]);
  return { ready: database.ok && imap.ok && smtp.ok, checks: { database, imap, smtp } };
}

async function timed(check: () => Promise<unknown>): Promise<DependencyCheck> {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${READINESS_TIMEOUT_MS} ms`)), READINESS_TIMEOUT_MS);
  });
  try {
    await Promise.race([check(), timeout]);
    return { ok: true, ms: ms() };
  } catch (e) {
    return { ok: false, ms: ms(), error: describe(e) };
  } finally {
    clearTimeout(timer);
  }
}

/** The error's first line, without anything that looks like a URL's user:password part. */
function describe(e: unknown): string {
  const text = (e instanceof Error ? e.message : String(e)).split("\n").find((l) => l.trim()) ?? "failed";
  return text.replace(/\/\/[^/@\s]*@/g, "//").slice(0, 200);
}
