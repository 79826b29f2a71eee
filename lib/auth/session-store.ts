import crypto from "node:crypto";
import { getDb } from "@/lib/db/client";
import { getConfig } from "@/lib/env";
import { decryptCredentials, encryptCredentials, type MailCredentials } from "./credentials";
import { deriveKey } from "./secret-key";
import { RecentValues } from "./recent-sessions";
import { isSessionExpired, needsTouch } from "./session-expiry";

export type MailSession = {
  id: string;
  email: string;
  credentials: MailCredentials;
  clientIp: string | null;
};

/** The database key for a browser token: only its hash is stored. */
export function sessionIdFor(token: string): string {
  return crypto.createHash("sha256").update(token).digest("base64url");
}

/** Creates a session and returns the token the browser will hold (inside the encrypted cookie). */
export async function createSession(input: {
  email: string;
  credentials: MailCredentials;
  clientIp: string | null;
  userAgent: string | null;
}): Promise<{ token: string; session: MailSession }> {
  const token = crypto.randomBytes(32).toString("base64url");
  const id = sessionIdFor(token);
  await getDb().session.create({
    data: {
      id,
      email: input.email,
      credentials: encryptCredentials(input.credentials, deriveKey("credentials"), id),
      clientIp: input.clientIp,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
    },
  });
  return { token, session: { id, email: input.email, credentials: input.credentials, clientIp: input.clientIp } };
}

/** Sessions read in the last seconds, by id, with the activity time their row had then. A session
 * another process ends is refused here too within SESSION_CACHE_MS (lib/auth/recent-sessions.ts). */
const recent = new RecentValues<{ session: MailSession; lastSeenAt: Date }>();

/** The live session for a token; "expired" (and deleted) if idle too long; null if unknown. */
export async function findSession(token: string, now = new Date()): Promise<MailSession | "expired" | null> {
  const id = sessionIdFor(token);
  const idle = getConfig().SESSION_IDLE_MINUTES;
  const hit = recent.get(id, now.getTime());
  // Expiry and the activity stamp are judged as on a database read, from the row's last value.
  if (hit && !isSessionExpired(hit.lastSeenAt, now, idle) && !needsTouch(hit.lastSeenAt, now)) return hit.session;
  const db = getDb();
  const row = await db.session.findUnique({ where: { id } });
  if (!row) {
    recent.delete(id);
    return null;
  }
  if (isSessionExpired(row.lastSeenAt, now, idle)) {
    await forget(id);
    return "expired";
  }
  let lastSeenAt = row.lastSeenAt;
  if (needsTouch(row.lastSeenAt, now)) {
    await db.session.update({ where: { id }, data: { lastSeenAt: now } });
    lastSeenAt = now;
  }
  let credentials: MailCredentials;
  try {
    credentials = decryptCredentials(row.credentials, deriveKey("credentials"), id);
  } catch {
    // The key changed (or the row was tampered with): the session is useless.
    await forget(id);
    return null;
  }
  const session = { id, email: row.email, credentials, clientIp: row.clientIp };
  recent.set(id, { session, lastSeenAt }, now.getTime());
  return session;
}

async function forget(...ids: string[]): Promise<void> {
  for (const id of ids) recent.delete(id);
  await getDb().session.deleteMany({ where: { id: { in: ids } } });
}

/** Whether the session with database id `id` exists and is not idle past the timeout (read only:
 * for requests that must not keep a session alive, e.g. proxied images). */
export async function isLiveSessionId(id: string, now = new Date()): Promise<boolean> {
  const row = await getDb().session.findUnique({ where: { id }, select: { lastSeenAt: true } });
  return row !== null && !isSessionExpired(row.lastSeenAt, now, getConfig().SESSION_IDLE_MINUTES);
}

/** Deletes the session record. Returns its id so the caller can close its IMAP connection. */
export async function deleteSession(token: string): Promise<string> {
  const id = sessionIdFor(token);
  await forget(id);
  return id;
}

/** A session as its owner sees it in Settings: never its credentials. */
export type SessionSummary = { id: string; userAgent: string | null; clientIp: string | null; createdAt: Date; lastSeenAt: Date };

/** The account's sessions, most recently used first. */
export async function listSessions(email: string): Promise<SessionSummary[]> {
  return getDb().session.findMany({
    where: { email },
    select: { id: true, userAgent: true, clientIp: true, createdAt: true, lastSeenAt: true },
    orderBy: { lastSeenAt: "desc" },
  });
}

/** Deletes the account's sessions among `ids` (another account's ids are ignored); returns those deleted. */
export async function deleteSessionsOf(email: string, ids: string[]): Promise<string[]> {
  const mine = await getDb().session.findMany({ where: { email, id: { in: ids } }, select: { id: true } });
  if (mine.length) await forget(...mine.map((s) => s.id));
  return mine.map((s) => s.id);
}

/** Of `ids`, those with no session record any more (ended in another process). */
export async function missingSessionIds(ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const live = new Set((await getDb().session.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((s) => s.id));
  return ids.filter((id) => !live.has(id));
}

/** Removes every session idle past the timeout; returns their ids. */
export async function purgeExpiredSessions(now = new Date()): Promise<string[]> {
  const cutoff = new Date(now.getTime() - getConfig().SESSION_IDLE_MINUTES * 60_000);
  const db = getDb();
  const stale = await db.session.findMany({ where: { lastSeenAt: { lte: cutoff } }, select: { id: true } });
  if (stale.length) await forget(...stale.map((s) => s.id));
  return stale.map((s) => s.id);
}

/** Whether the session still exists and is within its idle timeout. Unlike findSession it does not
 * count as activity: a tab left open with live updates must not keep the session alive forever. */
export async function isSessionLive(id: string, now = new Date()): Promise<boolean> {
  const row = await getDb().session.findUnique({ where: { id }, select: { lastSeenAt: true } });
  return Boolean(row && !isSessionExpired(row.lastSeenAt, now, getConfig().SESSION_IDLE_MINUTES));
}
