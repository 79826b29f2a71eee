import { getPool } from "@/lib/imap/session-pool";
import { findSession, sessionIdFor, type MailSession } from "./session-store";

/** The live session for a browser token; an expired one is ended on the spot, connection included. */
export async function resumeSession(token: string): Promise<MailSession | null> {
  const found = await findSession(token);
  if (found !== "expired") return found;
  await getPool().release(sessionIdFor(token));
  return null;
}
