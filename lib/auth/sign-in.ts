import type { ImapFlow } from "imapflow";
import { PosternError } from "@/lib/http/errors";
import { isAuthenticationError, toPosternError } from "@/lib/imap/classify-error";
import { getPool } from "@/lib/imap/session-pool";
import { getConfig } from "@/lib/env";
import type { MailCredentials } from "./credentials";
import { knownDevice } from "./device-cookie";
import { LoginRateLimiter } from "./login-rate-limit";
import { getMetrics } from "@/lib/observability/metrics";
import { createSession, type MailSession } from "./session-store";

// Stateless here: the counts are in the shared database.
const limiter = new LoginRateLimiter();

/** `deviceCookie`: the browser's device cookie as sent (device-cookie.ts), if any. */
export type SignInInput = { email: string; password: string; clientIp: string | null; userAgent: string | null; deviceCookie?: string | null };

/** "alice" -> "alice@<LOGIN_DOMAIN>" when a default domain is configured. */
export function normalizeLogin(email: string, loginDomain?: string): string {
  const e = email.trim();
  return !e.includes("@") && loginDomain ? `${e}@${loginDomain}` : e;
}

/**
 * Checks the password with an IMAP LOGIN (under the sign-in limiter) and hands back the logged-in
 * connection.
 * @throws PosternError INVALID_CREDENTIALS | IMAP_UNAVAILABLE | RATE_LIMITED
 */
export async function checkPassword(input: SignInInput): Promise<{ email: string; credentials: MailCredentials; client: ImapFlow }> {
  const email = normalizeLogin(input.email, getConfig().LOGIN_DOMAIN);
  const device = knownDevice(input.deviceCookie, email);
  const wait = await limiter.retryAfter(email, input.clientIp, Date.now(), device);
  if (wait > 0) {
    getMetrics().signIns.inc({ result: "rate_limited" });
    throw new PosternError(
      "RATE_LIMITED",
      `Too many failed sign-in attempts. Try again in ${Math.ceil(wait / 60)} minute${wait > 60 ? "s" : ""}.`,
    );
  }
  const credentials = { user: email, pass: input.password };
  let client;
  try {
    client = await getPool().openForSignIn({ credentials, clientIp: input.clientIp });
  } catch (e) {
    const refused = isAuthenticationError(e);
    getMetrics().signIns.inc({ result: refused ? "refused" : "imap_unavailable" });
    if (refused) await limiter.recordFailure(email, input.clientIp, Date.now(), device);
    throw toPosternError(e);
  }
  getMetrics().signIns.inc({ result: "ok" });
  await limiter.recordSuccess(email, input.clientIp, device);
  return { email, credentials, client };
}

/**
 * Checks the password and, if it works, creates a session that keeps that very connection (no
 * second LOGIN for the first page). The caller has made sure no second factor is due
 * (lib/two-factor/second-step.ts) or that it was passed.
 * @throws PosternError INVALID_CREDENTIALS | IMAP_UNAVAILABLE | RATE_LIMITED
 */
export async function signIn(input: SignInInput): Promise<{ token: string; session: MailSession }> {
  return startSession(await checkPassword(input), input);
}

/** A session for a checked password, keeping its IMAP connection. */
export async function startSession(
  checked: Awaited<ReturnType<typeof checkPassword>>,
  input: Pick<SignInInput, "clientIp" | "userAgent">,
): Promise<{ token: string; session: MailSession }> {
  const created = await createSession({ email: checked.email, credentials: checked.credentials, clientIp: input.clientIp, userAgent: input.userAgent });
  getPool().adopt(created.session.id, checked.client);
  return created;
}
