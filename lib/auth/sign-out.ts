import { getPool } from "@/lib/imap/session-pool";
import { deleteSession, deleteSessionsOf, listSessions, missingSessionIds, purgeExpiredSessions } from "./session-store";

/** Ends a session: its record and its IMAP connection. */
export async function signOut(token: string): Promise<void> {
  const id = await deleteSession(token);
  await getPool().release(id);
}

/** Ends every session idle past the timeout, with their IMAP connections; also closes this
 * process's connections of sessions another process ended ("sign out" in Devices and sessions). */
export async function endExpiredSessions(): Promise<number> {
  const ids = await purgeExpiredSessions();
  await Promise.all(ids.map((id) => getPool().release(id)));
  await closeSessionsEndedElsewhere();
  return ids.length;
}

/** Closes this process's IMAP connections whose session is gone (ended by another process). One
 * query by primary key over the sessions this process holds, none when it holds none: cheap
 * enough to run every few seconds (instrumentation.ts), on SQLite and PostgreSQL alike. */
export async function closeSessionsEndedElsewhere(): Promise<number> {
  const ended = await missingSessionIds(getPool().sessionIds());
  await Promise.all(ended.map((id) => getPool().release(id)));
  return ended.length;
}

/** Signs out the account's sessions `ids` (Settings → Devices and sessions), connections included. */
export async function endSessions(email: string, ids: string[]): Promise<number> {
  const ended = await deleteSessionsOf(email, ids);
  await Promise.all(ended.map((id) => getPool().release(id)));
  return ended.length;
}

/** Signs out every session of the account but `keepId`. */
export async function endOtherSessions(email: string, keepId: string): Promise<number> {
  const others = (await listSessions(email)).map((s) => s.id).filter((id) => id !== keepId);
  return endSessions(email, others);
}

