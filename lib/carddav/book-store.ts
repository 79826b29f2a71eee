import crypto from "node:crypto";
import { decryptText, encryptText } from "@/lib/auth/credentials";
import { deriveKey } from "@/lib/auth/secret-key";
import { accountKey } from "@/lib/contacts/contact-store";
import { getDb } from "@/lib/db/client";

/** An account's CardDAV address book as pages show it (never the password). */
export type CardDavBookView = { url: string; username: string; lastSyncAt: Date | null; lastError: string | null };
/** What a sync needs to sign in, and where it left off. */
export type CardDavConnection = { url: string; username: string; password: string; syncToken: string | null; ctag: string | null };

// The password is sealed like session credentials, bound to the account (a row copied to another
// account does not decrypt).
const seal = (account: string, password: string) => encryptText(password, deriveKey("carddav"), account);
const unseal = (account: string, secret: string) => decryptText(secret, deriveKey("carddav"), account);

/** Sets (or replaces) the account's address book; a new URL starts a fresh sync. */
export async function saveBook(account: string, input: { url: string; username: string; password: string }): Promise<void> {
  const key = accountKey(account);
  const db = getDb();
  const old = await db.cardDavBook.findUnique({ where: { account: key }, select: { url: true } });
  const data = { url: input.url, username: input.username, secret: seal(key, input.password), lastError: null };
  if (old && old.url === input.url) {
    await db.cardDavBook.update({ where: { account: key }, data });
    return;
  }
  await db.$transaction([
    db.cardDavBook.deleteMany({ where: { account: key } }),
    db.cardDavBook.create({ data: { account: key, ...data } }),
    // cards synced with another server are this server's new cards
    db.contactCard.updateMany({ where: { account: key }, data: { href: null, etag: null, syncedVcard: null, dirty: true } }),
    db.cardDavTombstone.deleteMany({ where: { account: key } }),
  ]);
}

/** Stops syncing: the cards stay, as local cards. */
export async function deleteBook(account: string): Promise<void> {
  const key = accountKey(account);
  const db = getDb();
  await db.$transaction([
    db.cardDavBook.deleteMany({ where: { account: key } }),
    db.contactCard.updateMany({ where: { account: key }, data: { href: null, etag: null, syncedVcard: null } }),
    db.cardDavTombstone.deleteMany({ where: { account: key } }),
  ]);
}

export async function getBook(account: string): Promise<CardDavBookView | null> {
  return getDb().cardDavBook.findUnique({ where: { account: accountKey(account) }, select: { url: true, username: true, lastSyncAt: true, lastError: true } });
}

export async function getConnection(account: string): Promise<CardDavConnection | null> {
  const key = accountKey(account);
  const row = await getDb().cardDavBook.findUnique({ where: { account: key } });
  return row ? { url: row.url, username: row.username, password: unseal(key, row.secret), syncToken: row.syncToken, ctag: row.ctag } : null;
}

/** A sync lease not renewed for this long is free again (a process that died mid-sync). */
export const SYNC_LEASE_MS = 2 * 60_000;

/**
 * Claims the account's sync for this process, so one process at a time syncs a book: the token
 * to renew and release with, or null when another process holds a live lease (or no book).
 */
export async function claimSync(account: string): Promise<string | null> {
  const token = crypto.randomUUID();
  const now = new Date();
  const { count } = await getDb().cardDavBook.updateMany({
    where: { account: accountKey(account), OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] },
    data: { leaseToken: token, leaseUntil: new Date(now.getTime() + SYNC_LEASE_MS) },
  });
  return count === 1 ? token : null;
}

/** Renews a lease; false when it was lost (this process stalled past it and another took over). */
export async function renewSync(account: string, token: string): Promise<boolean> {
  const { count } = await getDb().cardDavBook.updateMany({ where: { account: accountKey(account), leaseToken: token }, data: { leaseUntil: new Date(Date.now() + SYNC_LEASE_MS) } });
  return count === 1;
}

/** Ends a sync: records where the server's state was left (or the error, as lib/http/stored-error.ts
 * stores it) and frees the lease. */
export async function finishSync(account: string, token: string, outcome: { syncToken?: string | null; ctag?: string | null; error?: string }): Promise<void> {
  await getDb().cardDavBook.updateMany({
    where: { account: accountKey(account), leaseToken: token },
    data: outcome.error
      ? { lastError: outcome.error.slice(0, 2000), leaseToken: null, leaseUntil: null }
      : { syncToken: outcome.syncToken ?? null, ctag: outcome.ctag ?? null, lastSyncAt: new Date(), lastError: null, leaseToken: null, leaseUntil: null },
  });
}

/** Accounts whose book was last synced before `before` (or never), for the scheduled sync. */
export async function booksDue(before: Date, limit = 50): Promise<string[]> {
  const rows = await getDb().cardDavBook.findMany({
    where: { OR: [{ lastSyncAt: null }, { lastSyncAt: { lt: before } }] },
    orderBy: { lastSyncAt: "asc" },
    take: limit,
    select: { account: true },
  });
  return rows.map((r) => r.account);
}
