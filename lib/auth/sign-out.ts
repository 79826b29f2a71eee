import { getPool } from "@/lib/imap/session-pool";
import { deleteSession, purgeExpiredSessions } from "./session-store";

/** Ends a session: its record and its IMAP connection. */
export async function signOut(token: string): Promise<void> {
  const id = await deleteSession(token);
  await getPool().release(id);
}

/** Ends every session idle past the timeout, with their IMAP connections. */
export async function endExpiredSessions(): Promise<number> {
  const ids = await purgeExpiredSessions();
  await Promise.all(ids.map((id) => getPool().release(id)));
  return ids.length;
}

