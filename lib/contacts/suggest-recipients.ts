import { getDb } from "@/lib/db/client";
import type { Address } from "@/lib/mime/types";
import { listCards } from "./card-store";
import type { ContactCardView } from "./card-fields";
import { accountKey, suggestContacts } from "./contact-store";

/** One line of the composer's suggestion list: a person's address, or a group that becomes its
 * members' addresses when chosen. */
export type RecipientSuggestion = { kind: "person"; name: string; address: string } | { kind: "group"; name: string; members: Address[] };

type Use = { timesUsed: number; lastUsedAt: number };
type Ranked = { suggestion: RecipientSuggestion; use: Use; fromBook: boolean };
const NEVER: Use = { timesUsed: 0, lastUsedAt: 0 };

/** How often and how lately each address was written to (the collected table counts every send). */
async function usesOf(account: string, addresses: string[]): Promise<Map<string, Use>> {
  if (addresses.length === 0) return new Map();
  const rows = await getDb().contact.findMany({ where: { account: accountKey(account), address: { in: addresses } }, select: { address: true, timesUsed: true, lastUsedAt: true } });
  return new Map(rows.map((r) => [r.address, { timesUsed: r.timesUsed, lastUsedAt: r.lastUsedAt.getTime() }]));
}

const busier = (a: Use, b: Use) => (a.timesUsed !== b.timesUsed ? a.timesUsed > b.timesUsed : a.lastUsedAt > b.lastUsedAt) ? a : b;

/** A group's members, each by its first address (a member without one is left out). */
function membersOf(group: ContactCardView, people: Map<string, ContactCardView>): Address[] {
  return group.links.flatMap((id) => {
    const p = people.get(id);
    return p?.emails[0] ? [{ name: p.name, address: p.emails[0].address }] : [];
  });
}

/**
 * What the composer offers for `query`: address-book people (each address), groups, and addresses
 * collected from sent mail, matched by the start of any word ignoring case beyond ASCII, ranked by
 * how often then how lately they were written to (a group by its busiest member); the address
 * book wins a tie and names an address the book and the collected list share.
 */
export async function suggestRecipients(account: string, query: string, limit = 8): Promise<RecipientSuggestion[]> {
  if (!query.trim()) return [];
  const [collected, cards] = await Promise.all([suggestContacts(account, query, 50), listCards(account, { query, limit: 50 })]);
  const groups = cards.filter((c) => c.kind === "group");
  const memberIds = [...new Set(groups.flatMap((g) => g.links))];
  const people = new Map((await listCards(account, { kind: "individual", ids: memberIds })).map((p) => [p.id, p]));
  const direct = cards.filter((c) => c.kind === "individual");
  for (const p of direct) people.set(p.id, p);
  const uses = await usesOf(account, [...new Set([...people.values()].flatMap((p) => p.emails.map((e) => e.address)))]);
  const useOf = (address: string) => uses.get(address) ?? NEVER;

  const ranked: Ranked[] = [];
  const seen = new Set<string>();
  for (const p of direct) {
    for (const e of p.emails) {
      if (seen.has(e.address)) continue;
      seen.add(e.address);
      ranked.push({ suggestion: { kind: "person", name: p.name, address: e.address }, use: useOf(e.address), fromBook: true });
    }
  }
  for (const g of groups) {
    const members = membersOf(g, people);
    if (members.length) ranked.push({ suggestion: { kind: "group", name: g.name, members }, use: members.map((m) => useOf(m.address)).reduce(busier, NEVER), fromBook: true });
  }
  for (const c of collected) {
    if (seen.has(c.address)) continue;
    seen.add(c.address);
    ranked.push({ suggestion: { kind: "person", name: c.name, address: c.address }, use: { timesUsed: c.timesUsed, lastUsedAt: c.lastUsedAt.getTime() }, fromBook: false });
  }
  ranked.sort((a, b) => b.use.timesUsed - a.use.timesUsed || b.use.lastUsedAt - a.use.lastUsedAt || Number(b.fromBook) - Number(a.fromBook) || a.suggestion.name.localeCompare(b.suggestion.name));
  return ranked.slice(0, limit).map((r) => r.suggestion);
}
