import { addMembers, createCard, getCardByUid, listCards, setPhoto, updateCard } from "@/lib/contacts/card-store";
import { isPosternError } from "@/lib/http/errors";
import { entryName, readVcard, VcardEntryError, type ReadCard } from "./read-vcard";
import { splitVcards, type VcardEntry, type VcardProblem } from "./split-vcards";
import { vcardSaid } from "./vcard-problems";

export type ImportReport = {
  added: number;
  updated: number;
  /** Entries (or lines) left out, each named by entry and line. */
  problems: VcardProblem[];
  /** Entries imported with something left behind (a photo at a web address, unknown members). */
  notes: VcardProblem[];
};

/** A UID as MEMBER names it and as the card carries it compare equal ("urn:uuid:X" is "X"). */
const uidKey = (uid: string) => uid.trim().replace(/^urn:uuid:/i, "").toLowerCase();

/**
 * Imports a .vcf file (vCard 2.1, 3.0 or 4.0, any number of entries): each entry that reads
 * becomes a card, or updates the card with its UID; an entry that does not read is reported by
 * number, name and file line, and the others are imported all the same. Groups get their members
 * after every entry is in, so members may come before or after the group.
 */
export async function importVcards(account: string, text: string): Promise<ImportReport> {
  const { entries, problems } = splitVcards(text);
  const report: ImportReport = { added: 0, updated: 0, problems, notes: [] };
  const groups: { id: string; read: ReadCard; entry: VcardEntry }[] = [];
  for (const entry of entries) {
    let read: ReadCard;
    try {
      read = readVcard(entry);
    } catch (e) {
      if (!(e instanceof VcardEntryError)) throw e;
      report.problems.push({ entry: entry.index, name: entryName(entry), line: e.line, ...e.said });
      continue;
    }
    let id: string;
    try {
      id = await saveRead(account, read, report);
    } catch (e) {
      if (!isPosternError(e)) throw e;
      report.problems.push({ entry: entry.index, name: read.fields.name, line: entry.line, ...vcardSaid("notSaved", { reason: e.message }), error: { code: e.code, message: e.message, detail: e.detail } });
      continue;
    }
    for (const w of read.warnings) report.notes.push({ entry: entry.index, name: read.fields.name, line: entry.line, ...w });
    if (read.kind === "group") groups.push({ id, read, entry });
  }
  if (groups.length) {
    const byUid = new Map((await listCards(account, { kind: "individual" })).map((c) => [uidKey(c.uid), c.id]));
    for (const g of groups) {
      const ids = g.read.members.flatMap((m) => byUid.get(uidKey(m)) ?? []);
      const missing = g.read.members.length - ids.length;
      if (missing) report.notes.push({ entry: g.entry.index, name: g.read.fields.name, line: g.entry.line, ...vcardSaid("membersMissing", { count: missing }) });
      await addMembers(account, g.id, ids);
    }
  }
  return report;
}

async function saveRead(account: string, read: ReadCard, report: ImportReport): Promise<string> {
  const existing = read.uid ? await getCardByUid(account, read.uid) : null;
  let id: string;
  if (existing && existing.kind === read.kind) {
    await updateCard(account, existing.id, read.fields);
    id = existing.id;
    report.updated++;
  } else {
    // A UID already used by a card of the other kind is not reused: a fresh one keeps both.
    id = await createCard(account, { kind: read.kind, fields: read.fields, uid: existing ? undefined : (read.uid ?? undefined) });
    report.added++;
  }
  if (read.photo) await setPhoto(account, id, read.photo);
  return id;
}
