import type { CardFields } from "@/lib/contacts/card-fields";

/** A card's side in a merge: its fields and (for a group) its members' UIDs. */
export type MergeSide = { fields: CardFields; members: string[] };

/** Three-way merge of a list by key: what either side added stays, what one side removed from the
 * base goes (when the other kept it as it was), the local order first. */
function mergeList<T>(base: T[] | null, local: T[], remote: T[], key: (t: T) => string): T[] {
  const inBase = new Set((base ?? []).map(key));
  const inLocal = new Set(local.map(key));
  const inRemote = new Set(remote.map(key));
  const kept = local.filter((t) => !(inBase.has(key(t)) && !inRemote.has(key(t))));
  const added = remote.filter((t) => !inLocal.has(key(t)) && !inBase.has(key(t)));
  return [...kept, ...added];
}

/** Text both sides changed: one that contains the other is the newer, otherwise both are kept. */
function mergeText(base: string | null, local: string, remote: string): string {
  if (local === remote || remote === base) return local;
  if (local === base) return remote;
  if (local.includes(remote)) return local;
  if (remote.includes(local)) return remote;
  return `${local}\n\n${remote}`;
}

/**
 * Merges a card edited here (`local`) with the server's version (`remote`) of the same card, field
 * by field against the version both started from (`base`, null when unknown). A field changed on
 * one side only takes that side's value; addresses, phones and members are merged as sets; a name
 * or organisation changed on both sides keeps the local one and puts the server's in the notes,
 * and notes changed on both sides keep both, so neither side's edit is lost.
 */
export function mergeCards(base: MergeSide | null, local: MergeSide, remote: MergeSide): MergeSide {
  const b = base?.fields ?? null;
  const notes: string[] = [];
  const scalar = (field: "name" | "organization", label: string) => {
    const [l, r, o] = [local.fields[field], remote.fields[field], b?.[field] ?? null];
    if (l === r || r === o) return l;
    if (l === o) return r;
    if (r) notes.push(`${label} on the server: ${r}`);
    return l;
  };
  const name = scalar("name", "Name");
  const organization = scalar("organization", "Organisation");
  let merged = mergeText(b?.notes ?? null, local.fields.notes, remote.fields.notes);
  for (const n of notes) if (!merged.includes(n)) merged = merged ? `${merged}\n${n}` : n;
  return {
    fields: {
      name,
      organization,
      notes: merged.slice(0, 10_000),
      emails: mergeList(b?.emails ?? null, local.fields.emails, remote.fields.emails, (e) => e.address),
      phones: mergeList(b?.phones ?? null, local.fields.phones, remote.fields.phones, (p) => p.number.replace(/[^\d+]/g, "")),
    },
    members: mergeList(base?.members ?? null, local.members, remote.members, (m) => m.toLowerCase()),
  };
}
