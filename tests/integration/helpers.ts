import { signIn } from "@/lib/auth/sign-in";
import type { ImapIdentity } from "@/lib/imap/session-pool";
import { isPosternError } from "@/lib/http/errors";

export const ALICE = { email: "alice@example.test", password: "alice-pass" };
export const BOB = { email: "bob@example.test", password: "bob-pass" };

let ipCounter = 10;
/** A distinct originating address per sign-in, so one test's failed login never slows another's. */
export function freshIp(): string {
  return `127.0.0.${ipCounter++}`;
}

/** Signs in through Postern's real path (IMAP LOGIN against the lab) and returns the IMAP identity. */
export async function signInAs(user: { email: string; password: string }): Promise<ImapIdentity & { token: string }> {
  const { token, session } = await signIn({ ...user, clientIp: freshIp(), userAgent: "vitest" });
  return { token, sessionId: session.id, credentials: session.credentials, clientIp: session.clientIp };
}

/** "ok", or the code of the PosternError the promise was refused with (anything else is thrown). */
export async function outcomeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "ok";
  } catch (e) {
    if (isPosternError(e)) return e.code;
    throw e;
  }
}
