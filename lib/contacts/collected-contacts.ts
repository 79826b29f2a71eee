import { getDb } from "@/lib/db/client";
import { PosternError } from "@/lib/http/errors";
import { createCard, listCards } from "./card-store";
import { accountKey } from "./contact-store";
import { searchCondition } from "./search-condition";

export type CollectedAddress = { address: string; name: string; timesUsed: number; lastUsedAt: Date };

/** Every address on the account's cards, lower case (the book is bounded by MAX_CONTACT_CARDS). */
async function addressesInBook(account: string): Promise<Set<string>> {
  return new Set((await listCards(account, { kind: "individual" })).flatMap((c) => c.emails.map((e) => e.address)));
}

/**
 * Addresses remembered from sent mail (lib/contacts/contact-store.ts) that no card holds yet, the
 * most recently used first, optionally those with a word starting with `query`.
 */
export async function listCollected(account: string, { query = "", limit = 50 }: { query?: string; limit?: number } = {}): Promise<CollectedAddress[]> {
  const key = accountKey(account);
  const inBook = await addressesInBook(account);
  const q = query.trim();
  // Over-fetch by the book's size at most: the rows skipped below are the ones already promoted.
  const rows = q
    ? await getDb().$queryRaw<{ address: string; name: string; timesUsed: number | bigint; lastUsedAt: Date | string }[]>`
        SELECT "address", "name", "timesUsed", "lastUsedAt" FROM "Contact"
        WHERE "account" = ${key} AND ${searchCondition(q)}
        ORDER BY "lastUsedAt" DESC LIMIT ${limit + inBook.size}`
    : await getDb().contact.findMany({ where: { account: key }, orderBy: { lastUsedAt: "desc" }, take: limit + inBook.size });
  return rows
    .filter((r) => !inBook.has(r.address))
    .slice(0, limit)
    .map((r) => ({ address: r.address, name: r.name, timesUsed: Number(r.timesUsed), lastUsedAt: new Date(r.lastUsedAt) }));
}

/**
 * Makes a collected address a contact with the name last used for it, and returns the card's id;
 * when a card already holds the address, returns that card's id instead of making a second.
 * @throws NOT_FOUND when the address was never collected; CONFLICT when the book is full
 */
export async function promoteCollected(account: string, address: string): Promise<string> {
  const key = accountKey(account);
  const wanted = address.trim().toLowerCase();
  const existing = (await listCards(account, { query: wanted, kind: "individual" })).find((c) => c.emails.some((e) => e.address === wanted));
  if (existing) return existing.id;
  const row = await getDb().contact.findUnique({ where: { account_address: { account: key, address: wanted } } });
  if (!row) throw new PosternError("NOT_FOUND", "This address is not among the ones you wrote to.");
  return createCard(account, { kind: "individual", fields: { name: row.name, organization: "", notes: "", emails: [{ address: row.address, label: "" }], phones: [] } });
}
