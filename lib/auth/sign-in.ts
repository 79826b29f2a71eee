import { PosternError } from "@/lib/http/errors";
import { isAuthenticationError, toPosternError } from "@/lib/imap/classify-error";
import { connectImap, getPool } from "@/lib/imap/session-pool";
import { getConfig } from "@/lib/env";
import { LoginRateLimiter } from "./login-rate-limit";
import { createSession, type MailSession } from "./session-store";

// Stateless here: the counts are in the shared database.
const limiter = new LoginRateLimiter();

export type SignInInput = { email: string; password: string; clientIp: string | null; userAgent: string | null };

/** "alice" -> "alice@<LOGIN_DOMAIN>" when a default domain is configured. */
export function normalizeLogin(email: string, loginDomain?: string): string {
  const e = email.trim();
  return !e.includes("@") && loginDomain ? `${e}@${loginDomain}` : e;
}

/**
 * Checks the password with an IMAP LOGIN and, if it works, creates a session that keeps that
 * very connection (no second LOGIN for the first page).
 * @throws PosternError INVALID_CREDENTIALS | IMAP_UNAVAILABLE | RATE_LIMITED
 */
export async function signIn(input: SignInInput): Promise<{ token: string; session: MailSession }> {
  const email = normalizeLogin(input.email, getConfig().LOGIN_DOMAIN);
  const wait = await limiter.retryAfter(email, input.clientIp);
  if (wait > 0) {
    throw new PosternError(
      "RATE_LIMITED",
      `Too many failed sign-in attempts. Try again in ${Math.ceil(wait / 60)} minute${wait > 60 ? "s" : ""}.`,
    );
  }
  const credentials = { user: email, pass: input.password };
  let client;
  try {
    client = await connectImap({ credentials, clientIp: input.clientIp });
  } catch (e) {
    if (isAuthenticationError(e)) await limiter.recordFailure(email, input.clientIp);
    throw toPosternError(e);
  }
  await limiter.recordSuccess(email, input.clientIp);
  const created = await createSession({ email, credentials, clientIp: input.clientIp, userAgent: input.userAgent });
  getPool().adopt(created.session.id, client);
  return created;
}
