import { getDb } from "@/lib/db/client";
import { getConfig } from "@/lib/env";
import type { ImapIdentity } from "@/lib/imap/session-pool";
import { decryptCredentials } from "./credentials";
import { deriveKey } from "./secret-key";

/** Sessions scanned at most per call: the newest ones, which are the live ones. */
const MAX_SCANNED = 5000;

const liveSince = (now: Date) => new Date(now.getTime() - getConfig().SESSION_IDLE_MINUTES * 60_000);

/** The lower-case addresses of users with a live session. */
export async function liveOwners(now = new Date()): Promise<Set<string>> {
  const rows = await getDb().session.findMany({
    where: { lastSeenAt: { gt: liveSince(now) } },
    select: { email: true },
    orderBy: { lastSeenAt: "desc" },
    take: MAX_SCANNED,
  });
  return new Set(rows.map((r) => r.email.trim().toLowerCase()));
}

/**
 * For background work that acts in a user's IMAP mailbox (POP3 collection): the IMAP identity of
 * each of `owners` (lower-case addresses) who has a live session, from their most recently used
 * one. Postern keeps IMAP passwords only inside sessions, so a user with none gets no background
 * work done: it waits for their next sign-in (or "Fetch now").
 */
export async function liveIdentities(owners: Set<string>, now = new Date()): Promise<Map<string, ImapIdentity>> {
  const found = new Map<string, ImapIdentity>();
  if (!owners.size) return found;
  const rows = await getDb().session.findMany({
    where: { lastSeenAt: { gt: liveSince(now) } },
    select: { id: true, email: true, credentials: true, clientIp: true },
    orderBy: { lastSeenAt: "desc" },
    take: MAX_SCANNED,
  });
  for (const row of rows) {
    const owner = row.email.trim().toLowerCase();
    if (!owners.has(owner) || found.has(owner)) continue;
    try {
      const credentials = decryptCredentials(row.credentials, deriveKey("credentials"), row.id);
      found.set(owner, { sessionId: row.id, credentials, clientIp: row.clientIp });
    } catch {
      // the key changed: that session is useless (findSession deletes it on its next use)
    }
  }
  return found;
}
