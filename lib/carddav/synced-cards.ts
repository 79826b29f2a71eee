import crypto from "node:crypto";
import type { CardFields, CardKind } from "@/lib/contacts/card-fields";
import { accountKey } from "@/lib/contacts/contact-store";
import { columnsOf } from "@/lib/contacts/card-store";
import { getDb } from "@/lib/db/client";
import type { ReadCard } from "@/lib/contacts/vcard/read-vcard";

// The sync's own writes to the address book: unlike lib/contacts/card-store.ts, they do not mark
// cards as changed here (they are the server's state), and they carry href, ETag and base vCard.

export type SyncedObject = { url: string; etag: string };

/** Cards linked to the server, as tsdav's sync compares them with the server's list. */
export async function linkedObjects(account: string): Promise<SyncedObject[]> {
  const rows = await getDb().contactCard.findMany({ where: { account: accountKey(account), href: { not: null } }, select: { href: true, etag: true } });
  return rows.map((r) => ({ url: r.href!, etag: r.etag ?? "" }));
}

export type LocalCard = { id: string; kind: CardKind; uid: string; dirty: boolean; syncedVcard: string | null; href: string | null; etag: string | null; updatedAt: Date };
const LOCAL = { id: true, kind: true, uid: true, dirty: true, syncedVcard: true, href: true, etag: true, updatedAt: true } as const;

/** The card at `href`, or else the unlinked card with the same UID (an import of the same person). */
export async function findLocal(account: string, href: string, uid: string | null): Promise<LocalCard | null> {
  const key = accountKey(account);
  const db = getDb();
  const byHref = await db.contactCard.findFirst({ where: { account: key, href }, select: LOCAL });
  if (byHref || !uid) return byHref as LocalCard | null;
  return (await db.contactCard.findFirst({ where: { account: key, uid, href: null }, select: LOCAL })) as LocalCard | null;
}

export type Remote = { href: string; etag: string | null; data: string; read: ReadCard };

/** Stores the server's version of a card (new, or over a card not changed here) and returns its id. */
export async function storeRemote(account: string, localId: string | null, remote: Remote): Promise<string> {
  const key = accountKey(account);
  const data = {
    ...columnsOf(remote.read.fields),
    kind: remote.read.kind,
    href: remote.href,
    etag: remote.etag,
    syncedVcard: remote.data,
    dirty: false,
    photo: remote.read.photo ? Uint8Array.from(remote.read.photo.bytes) : null,
    photoType: remote.read.photo?.type ?? null,
  };
  const db = getDb();
  if (localId) {
    await db.contactCard.updateMany({ where: { account: key, id: localId }, data });
    return localId;
  }
  const id = crypto.randomUUID();
  await db.contactCard.create({ data: { id, account: key, uid: remote.read.uid ?? `urn:uuid:${crypto.randomUUID()}`, ...data } });
  return id;
}

/** Merged fields on a card changed here: it stays changed (to be sent), against the server's new ETag. */
export async function storeMerged(account: string, id: string, fields: CardFields, remote: { href: string; etag: string | null; data: string }): Promise<void> {
  await getDb().contactCard.updateMany({ where: { account: accountKey(account), id }, data: { ...columnsOf(fields), href: remote.href, etag: remote.etag, syncedVcard: remote.data, dirty: true } });
}

/** Replaces a group's members by the server's list (their UIDs), without marking anything changed. */
export async function storeMembers(account: string, groupId: string, memberUids: string[]): Promise<void> {
  const key = accountKey(account);
  const db = getDb();
  const wanted = new Set(memberUids.map((u) => u.trim().replace(/^urn:uuid:/i, "").toLowerCase()));
  const people = await db.contactCard.findMany({ where: { account: key, kind: "individual" }, select: { id: true, uid: true } });
  const ids = people.filter((p) => wanted.has(p.uid.replace(/^urn:uuid:/i, "").toLowerCase())).map((p) => p.id);
  await db.$transaction([
    db.contactGroupMember.deleteMany({ where: { account: key, groupId } }),
    ...ids.map((memberId) => db.contactGroupMember.create({ data: { account: key, groupId, memberId } })),
  ]);
}

/** The server deleted a card: gone here too, unless changed here meanwhile (then it is sent again as new). */
export async function dropRemoteDeleted(account: string, href: string): Promise<void> {
  const key = accountKey(account);
  const db = getDb();
  const card = await db.contactCard.findFirst({ where: { account: key, href }, select: { id: true, dirty: true } });
  if (!card) return;
  if (card.dirty) {
    await db.contactCard.updateMany({ where: { account: key, id: card.id }, data: { href: null, etag: null, syncedVcard: null } });
    return;
  }
  await db.$transaction([
    db.contactGroupMember.deleteMany({ where: { account: key, OR: [{ groupId: card.id }, { memberId: card.id }] } }),
    db.contactCard.deleteMany({ where: { account: key, id: card.id } }),
  ]);
}

/** Cards changed here since the last sync, people first (a group names its members by UID). */
export async function changedCards(account: string): Promise<LocalCard[]> {
  const rows = await getDb().contactCard.findMany({ where: { account: accountKey(account), dirty: true }, select: LOCAL, orderBy: { kind: "desc" } });
  return rows as LocalCard[];
}

/** After a card was stored on the server: its href, ETag and base; still changed if edited since `seen`. */
export async function markSent(account: string, card: LocalCard, sent: { href: string; etag: string | null; data: string }): Promise<void> {
  const key = accountKey(account);
  const db = getDb();
  const { count } = await db.contactCard.updateMany({ where: { account: key, id: card.id, updatedAt: card.updatedAt }, data: { href: sent.href, etag: sent.etag, syncedVcard: sent.data, dirty: false } });
  if (count === 0) await db.contactCard.updateMany({ where: { account: key, id: card.id }, data: { href: sent.href, etag: sent.etag, syncedVcard: sent.data } });
}

export async function tombstones(account: string): Promise<{ href: string; etag: string | null }[]> {
  return getDb().cardDavTombstone.findMany({ where: { account: accountKey(account) }, select: { href: true, etag: true } });
}

export async function dropTombstone(account: string, href: string): Promise<void> {
  await getDb().cardDavTombstone.deleteMany({ where: { account: accountKey(account), href } });
}
