import crypto from "node:crypto";
import { getDb } from "@/lib/db/client";
import { PosternError } from "@/lib/http/errors";
import { MAX_CONTACT_CARDS } from "@/lib/limits";
import { cardEmailSchema, cardPhoneSchema, type CardFields, type CardKind, type ContactCardView } from "./card-fields";
import { accountKey } from "./contact-store";
import { searchTextOf } from "./fold-text";
import { searchCondition } from "./search-condition";

const VIEW_COLUMNS = { id: true, uid: true, kind: true, name: true, organization: true, notes: true, emails: true, phones: true, photoType: true } as const;
type CardRow = { id: string; uid: string; kind: string; name: string; organization: string; notes: string; emails: string; phones: string; photoType: string | null };

/** A JSON list column read defensively: a row written by an older or hand-edited version keeps the
 * entries that still check and drops the rest, never breaking the page. */
function parseList<T>(json: string, item: { safeParse(v: unknown): { success: true; data: T } | { success: false } }): T[] {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return [];
  }
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((v) => {
    const r = item.safeParse(v);
    return r.success ? [r.data] : [];
  });
}

function toView(row: CardRow, links: string[]): ContactCardView {
  return {
    id: row.id,
    uid: row.uid,
    kind: row.kind === "group" ? "group" : "individual",
    name: row.name,
    organization: row.organization,
    notes: row.notes,
    emails: parseList(row.emails, cardEmailSchema),
    phones: parseList(row.phones, cardPhoneSchema),
    hasPhoto: row.photoType !== null,
    links,
  };
}

/** A card's fields as ContactCard columns (search text included): for edits here and from a CardDAV sync alike. */
export function columnsOf(fields: CardFields) {
  return {
    name: fields.name,
    organization: fields.organization,
    notes: fields.notes,
    emails: JSON.stringify(fields.emails),
    phones: JSON.stringify(fields.phones),
    searchText: searchTextOf([fields.name, fields.organization, ...fields.emails.map((e) => e.address), ...fields.phones.map((p) => p.number)]),
  };
}

/** Group memberships of `ids`, from whichever side each id is on. */
async function linksOf(key: string, ids: string[]): Promise<Map<string, string[]>> {
  const links = new Map<string, string[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return links;
  const rows = await getDb().contactGroupMember.findMany({ where: { account: key, OR: [{ groupId: { in: ids } }, { memberId: { in: ids } }] } });
  for (const r of rows) {
    links.get(r.groupId)?.push(r.memberId);
    links.get(r.memberId)?.push(r.groupId);
  }
  return links;
}

async function viewsOf(key: string, rows: CardRow[]): Promise<ContactCardView[]> {
  const links = await linksOf(key, rows.map((r) => r.id));
  return rows.map((r) => toView(r, links.get(r.id) ?? []));
}

export type ListCardsOptions = { query?: string; kind?: CardKind; ids?: string[]; limit?: number };

/**
 * An account's cards by name, optionally only those with a word (of the name, organisation, an
 * address or a phone number) starting with `query`, ignoring case beyond ASCII.
 */
export async function listCards(account: string, { query = "", kind, ids, limit = MAX_CONTACT_CARDS }: ListCardsOptions = {}): Promise<ContactCardView[]> {
  const key = accountKey(account);
  const q = query.trim();
  // Raw SQL for LIKE's ESCAPE: Prisma's contains leaves "_" and "%" as wildcards on SQLite.
  const matching = q
    ? (await getDb().$queryRaw<{ id: string }[]>`SELECT "id" FROM "ContactCard" WHERE "account" = ${key} AND ${searchCondition(q)}`).map((r) => r.id)
    : undefined;
  const idFilter = matching && ids ? matching.filter((id) => ids.includes(id)) : (matching ?? ids);
  const rows = await getDb().contactCard.findMany({
    where: { account: key, ...(kind ? { kind } : {}), ...(idFilter ? { id: { in: idFilter } } : {}) },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: limit,
    select: VIEW_COLUMNS,
  });
  return viewsOf(key, rows);
}

/** One card of the account, or null. */
export async function getCard(account: string, id: string): Promise<ContactCardView | null> {
  const key = accountKey(account);
  const row = await getDb().contactCard.findFirst({ where: { account: key, id }, select: VIEW_COLUMNS });
  return row ? (await viewsOf(key, [row]))[0] : null;
}

/** The account's card with this vCard UID, or null (imports and groups name cards by UID). */
export async function getCardByUid(account: string, uid: string): Promise<ContactCardView | null> {
  const key = accountKey(account);
  const row = await getDb().contactCard.findFirst({ where: { account: key, uid }, select: VIEW_COLUMNS });
  return row ? (await viewsOf(key, [row]))[0] : null;
}

export type NewCard = { kind: CardKind; fields: CardFields; uid?: string };

/**
 * Adds a card and returns its id.
 * @throws CONFLICT when the account already has MAX_CONTACT_CARDS cards
 */
export async function createCard(account: string, card: NewCard): Promise<string> {
  const key = accountKey(account);
  const db = getDb();
  if ((await db.contactCard.count({ where: { account: key } })) >= MAX_CONTACT_CARDS) {
    throw PosternError.detailed("CONFLICT", "addressBookFull", { max: MAX_CONTACT_CARDS });
  }
  const id = crypto.randomUUID();
  await db.contactCard.create({ data: { id, account: key, uid: card.uid ?? `urn:uuid:${crypto.randomUUID()}`, kind: card.kind, ...columnsOf(card.fields), dirty: true } });
  return id;
}

/**
 * Replaces a card's fields.
 * @throws NOT_FOUND when the account has no such card
 */
export async function updateCard(account: string, id: string, fields: CardFields): Promise<void> {
  const { count } = await getDb().contactCard.updateMany({ where: { account: accountKey(account), id }, data: { ...columnsOf(fields), dirty: true } });
  if (count === 0) throw PosternError.detailed("NOT_FOUND", "contactGone");
}

/** Deletes a card and its group memberships (either side); a card synced with a CardDAV server
 * leaves a tombstone, so the next sync deletes it there too. */
export async function deleteCard(account: string, id: string): Promise<void> {
  const key = accountKey(account);
  const db = getDb();
  const synced = await db.contactCard.findFirst({ where: { account: key, id }, select: { href: true, etag: true } });
  const groups = (await db.contactGroupMember.findMany({ where: { account: key, memberId: id }, select: { groupId: true } })).map((g) => g.groupId);
  await db.$transaction([
    ...(synced?.href ? [db.cardDavTombstone.upsert({ where: { account_href: { account: key, href: synced.href } }, create: { account: key, href: synced.href, etag: synced.etag }, update: { etag: synced.etag } })] : []),
    db.contactCard.updateMany({ where: { account: key, id: { in: groups } }, data: { dirty: true } }),
    db.contactGroupMember.deleteMany({ where: { account: key, OR: [{ groupId: id }, { memberId: id }] } }),
    db.contactCard.deleteMany({ where: { account: key, id } }),
  ]);
}

/** Sets the groups a person is in (from the person's page), or a group's members (from the
 * group's): ids that are not the account's cards of the other kind are ignored. */
export async function setLinks(account: string, id: string, linkedIds: string[]): Promise<void> {
  const key = accountKey(account);
  const db = getDb();
  const card = await db.contactCard.findFirst({ where: { account: key, id }, select: { kind: true } });
  if (!card) throw PosternError.detailed("NOT_FOUND", "contactGone");
  const isGroup = card.kind === "group";
  const other = await db.contactCard.findMany({ where: { account: key, id: { in: linkedIds }, kind: isGroup ? "individual" : "group" }, select: { id: true } });
  const pairs = other.map((o) => (isGroup ? { account: key, groupId: id, memberId: o.id } : { account: key, groupId: o.id, memberId: id }));
  // a group's vCard lists its members: the groups whose list changes are changed cards (CardDAV)
  const before = isGroup ? [] : (await db.contactGroupMember.findMany({ where: { account: key, memberId: id }, select: { groupId: true } })).map((g) => g.groupId);
  const changedGroups = isGroup ? [id] : [...new Set([...before, ...other.map((o) => o.id)])];
  await db.$transaction([
    db.contactCard.updateMany({ where: { account: key, id: { in: changedGroups } }, data: { dirty: true } }),
    db.contactGroupMember.deleteMany({ where: { account: key, ...(isGroup ? { groupId: id } : { memberId: id }) } }),
    ...pairs.map((data) => db.contactGroupMember.create({ data })),
  ]);
}

/** Adds people to a group, keeping its other members (imports). */
export async function addMembers(account: string, groupId: string, memberIds: string[]): Promise<void> {
  const key = accountKey(account);
  const db = getDb();
  const current = new Set((await db.contactGroupMember.findMany({ where: { account: key, groupId }, select: { memberId: true } })).map((m) => m.memberId));
  const people = await db.contactCard.findMany({ where: { account: key, id: { in: memberIds }, kind: "individual" }, select: { id: true } });
  const fresh = people.filter((p) => !current.has(p.id));
  if (fresh.length === 0) return;
  await db.$transaction([
    ...fresh.map((p) => db.contactGroupMember.create({ data: { account: key, groupId, memberId: p.id } })),
    db.contactCard.updateMany({ where: { account: key, id: groupId }, data: { dirty: true } }),
  ]);
}

/** Sets or removes (null) a card's photo; the type must come from sniffImage, never the upload. */
export async function setPhoto(account: string, id: string, photo: { bytes: Uint8Array; type: string } | null): Promise<void> {
  const { count } = await getDb().contactCard.updateMany({
    where: { account: accountKey(account), id },
    data: photo ? { photo: Uint8Array.from(photo.bytes), photoType: photo.type, dirty: true } : { photo: null, photoType: null, dirty: true },
  });
  if (count === 0) throw PosternError.detailed("NOT_FOUND", "contactGone");
}

/** A card's photo, or null. */
export async function getPhoto(account: string, id: string): Promise<{ bytes: Uint8Array; type: string } | null> {
  const row = await getDb().contactCard.findFirst({ where: { account: accountKey(account), id }, select: { photo: true, photoType: true } });
  return row?.photo && row.photoType ? { bytes: new Uint8Array(row.photo), type: row.photoType } : null;
}


/** The photos of several cards at once (exports), by card id. */
export async function photosOf(account: string, ids: string[]): Promise<Map<string, { bytes: Uint8Array; type: string }>> {
  const rows = await getDb().contactCard.findMany({ where: { account: accountKey(account), id: { in: ids }, photoType: { not: null } }, select: { id: true, photo: true, photoType: true } });
  return new Map(rows.flatMap((r) => (r.photo && r.photoType ? [[r.id, { bytes: new Uint8Array(r.photo), type: r.photoType }] as const] : [])));
}
