import { getDb } from "@/lib/db/client";
import type { Address } from "@/lib/mime/types";
import { searchTextOf } from "./fold-text";
import { searchCondition } from "./search-condition";

/** Contacts are per account, whatever the session: keyed by the signed-in address. */
export const accountKey = (account: string) => account.trim().toLowerCase();

/** Most contacts one account keeps: the least recently used give way. */
export const MAX_CONTACTS = 5000;

/**
 * Remembers the people a message was sent to: each one's use count goes up and the display name
 * typed this time replaces the stored one (a name left out keeps the old one).
 */
export async function recordRecipients(account: string, recipients: Address[]): Promise<void> {
  const key = accountKey(account);
  const byAddress = new Map<string, string>();
  for (const r of recipients) {
    const address = r.address.trim().toLowerCase();
    if (address && address !== key) byAddress.set(address, r.name.trim() || byAddress.get(address) || "");
  }
  if (byAddress.size === 0) return;
  const db = getDb();
  const now = new Date();
  await db.$transaction(
    [...byAddress].map(([address, name]) =>
      db.contact.upsert({
        where: { account_address: { account: key, address } },
        create: { account: key, address, name, timesUsed: 1, lastUsedAt: now, searchText: searchTextOf([name, address]) },
        update: { timesUsed: { increment: 1 }, lastUsedAt: now, ...(name ? { name, searchText: searchTextOf([name, address]) } : {}) },
      }),
    ),
  );
  const count = await db.contact.count({ where: { account: key } });
  if (count > MAX_CONTACTS) {
    const stale = await db.contact.findMany({ where: { account: key }, orderBy: { lastUsedAt: "asc" }, take: count - MAX_CONTACTS, select: { address: true } });
    await db.contact.deleteMany({ where: { account: key, address: { in: stale.map((s) => s.address) } } });
  }
}

export type ContactSuggestion = Address & { timesUsed: number; lastUsedAt: Date };

/**
 * Contacts whose address, name, or any word of the name starts with `query`, the most used first,
 * then the most recent; case is ignored beyond ASCII (the folded searchText column), on one
 * account's rows.
 */
export async function suggestContacts(account: string, query: string, limit = 8): Promise<ContactSuggestion[]> {
  if (!query.trim()) return [];
  // Raw SQL for LIKE's ESCAPE: Prisma's startsWith leaves "_" and "%" as wildcards on SQLite.
  const rows = await getDb().$queryRaw<{ address: string; name: string; timesUsed: number | bigint; lastUsedAt: Date | string }[]>`
    SELECT "address", "name", "timesUsed", "lastUsedAt" FROM "Contact"
    WHERE "account" = ${accountKey(account)} AND ${searchCondition(query)}
    ORDER BY "timesUsed" DESC, "lastUsedAt" DESC
    LIMIT ${limit}`;
  return rows.map((r) => ({ address: r.address, name: r.name, timesUsed: Number(r.timesUsed), lastUsedAt: new Date(r.lastUsedAt) }));
}
