import { storeError } from "@/lib/http/stored-error";
import crypto from "node:crypto";
import { addressBookMultiGet, createVCard, deleteVCard, fetchVCards, smartCollectionSync, updateVCard, type DAVAddressBook } from "tsdav";
import { getCard, listCards, photosOf } from "@/lib/contacts/card-store";
import { readVcard, type ReadCard } from "@/lib/contacts/vcard/read-vcard";
import { splitVcards } from "@/lib/contacts/vcard/split-vcards";
import { writeVcard } from "@/lib/contacts/vcard/write-vcard";
import { PosternError, isPosternError } from "@/lib/http/errors";
import { claimSync, finishSync, getConnection, renewSync, type CardDavConnection } from "./book-store";
import { guardedFetch } from "./guarded-fetch";
import { keepForeignProperties } from "./keep-foreign-properties";
import { mergeCards } from "./merge-cards";
import {
  changedCards, dropRemoteDeleted, dropTombstone, findLocal, linkedObjects, markSent, storeMembers, storeMerged, storeRemote, tombstones, type LocalCard,
} from "./synced-cards";

export type SyncReport = { received: number; sent: number; deleted: number; merged: number; skipped: string[] };

/** Tries at sending a card whose ETag keeps changing on the server under us. */
const MAX_PUT_ATTEMPTS = 3;

type Dav = { headers: Record<string, string>; fetch: typeof fetch; book: DAVAddressBook };

function davOf(conn: CardDavConnection): Dav {
  const basic = Buffer.from(`${conn.username}:${conn.password}`).toString("base64");
  return { headers: { authorization: `Basic ${basic}` }, fetch: guardedFetch as unknown as typeof fetch, book: { url: conn.url.endsWith("/") ? conn.url : `${conn.url}/` } as DAVAddressBook };
}

/** The first vCard of a server's object, or null when it does not read (it is skipped, not fatal). */
function readObject(data: string): ReadCard | null {
  const entry = splitVcards(data).entries[0];
  try {
    return entry ? readVcard(entry) : null;
  } catch {
    return null;
  }
}

/**
 * Checks the address book URL and sign-in with one PROPFIND (RFC 6352 section 6.1: an address
 * book collection's resourcetype names CARDDAV:addressbook).
 * @throws PosternError CARDDAV_AUTH_FAILED, CARDDAV_UNAVAILABLE, NOT_FOUND, HOST_REFUSED
 */
export async function checkAddressBook(conn: Pick<CardDavConnection, "url" | "username" | "password">): Promise<void> {
  const dav = davOf({ ...conn, syncToken: null, ctag: null });
  const res = await guardedFetch(dav.book.url, {
    method: "PROPFIND",
    headers: { ...dav.headers, depth: "0", "content-type": "application/xml; charset=utf-8" },
    body: '<?xml version="1.0" encoding="utf-8"?><d:propfind xmlns:d="DAV:"><d:prop><d:resourcetype/></d:prop></d:propfind>',
  });
  const body = await res.text();
  if (res.status === 401 || res.status === 403) throw new PosternError("CARDDAV_AUTH_FAILED", "The address book server refused the user name or password.");
  if (res.status === 404) throw new PosternError("NOT_FOUND", "There is no address book at this URL.");
  if (res.status !== 207) throw new PosternError("CARDDAV_UNAVAILABLE", `The address book server answered ${res.status}.`);
  if (!/addressbook/i.test(body)) throw new PosternError("NOT_FOUND", "This URL is not an address book (give the address book's own URL, not the server's).");
}

/** What changed on the server since the last sync: sync-token (RFC 6578) when there is one or
 * the server supports it, else the ctag and every card's ETag. */
async function pull(account: string, conn: CardDavConnection, dav: Dav, report: SyncReport): Promise<{ syncToken: string | null; ctag: string | null }> {
  const objects = await linkedObjects(account);
  const common = { headers: dav.headers, fetch: dav.fetch, detailedResult: true as const, account: { accountType: "carddav" as const, homeUrl: dav.book.url, serverUrl: dav.book.url } };
  // tsdav's basic sync calls fetchObjects({ collection }), fetchVCards takes { addressBook }
  const fetchObjects = (p?: { collection: DAVAddressBook; headers?: Record<string, string> }) => fetchVCards({ addressBook: p!.collection, headers: p?.headers, fetch: dav.fetch });
  const collection = { ...dav.book, syncToken: conn.syncToken ?? undefined, ctag: conn.ctag ?? undefined, objects, objectMultiGet: addressBookMultiGet, fetchObjects } as unknown as DAVAddressBook;
  let result;
  try {
    result = await smartCollectionSync({ ...common, collection, method: "webdav" });
  } catch (e) {
    if (isPosternError(e)) throw e;
    // no sync-collection, or the token expired (RFC 6578 3.2): compare ETags instead
    result = await smartCollectionSync({ ...common, collection: { ...collection, syncToken: undefined, ctag: undefined }, method: "basic" });
  }
  const { created, updated, deleted } = result.objects;
  const groups: { id: string; members: string[] }[] = [];
  for (const o of [...created, ...updated]) {
    const data = typeof o.data === "string" ? o.data : "";
    const read = readObject(data);
    if (!read) {
      report.skipped.push(`${o.url}: not a vCard Postern can read`);
      continue;
    }
    const remote = { href: o.url, etag: o.etag ?? null, data, read };
    const local = await findLocal(account, o.url, read.uid);
    let id: string;
    if (local?.dirty) {
      const base = local.syncedVcard ? readObject(local.syncedVcard) : null;
      const mine = await getCard(account, local.id);
      if (!mine) continue;
      const memberUids = mine.kind === "group" ? (await listCards(account, { ids: mine.links })).map((c) => c.uid) : [];
      const merged = mergeCards(base && { fields: base.fields, members: base.members }, { fields: mine, members: memberUids }, { fields: read.fields, members: read.members });
      await storeMerged(account, local.id, merged.fields, remote);
      if (read.kind === "group") await storeMembers(account, local.id, merged.members);
      report.merged++;
      continue;
    }
    id = await storeRemote(account, local?.id ?? null, remote);
    report.received++;
    if (read.kind === "group") groups.push({ id, members: read.members });
  }
  for (const g of groups) await storeMembers(account, g.id, g.members);
  for (const d of deleted) {
    await dropRemoteDeleted(account, d.url);
    report.deleted++;
  }
  return { syncToken: (result as { syncToken?: string }).syncToken ?? null, ctag: (result as { ctag?: string }).ctag ?? conn.ctag };
}

/** The vCard text Postern sends for a card (3.0: every CardDAV server reads it, RFC 6352 5.1). */
async function vcardOf(account: string, card: LocalCard): Promise<string | null> {
  const view = await getCard(account, card.id);
  if (!view) return null;
  const photos = view.hasPhoto ? await photosOf(account, [view.id]) : new Map();
  const memberUids = view.kind === "group" ? (await listCards(account, { ids: view.links })).map((c) => c.uid) : [];
  return writeVcard({ ...view, photo: photos.get(view.id) ?? null, memberUids }, "3.0");
}

/** Sends one changed card: If-Match its ETag (RFC 6352 9.2 / RFC 7232), or If-None-Match: * for
 * a new one. On 412 the server's version is fetched and merged in, then sent again. */
async function push(account: string, card: LocalCard, dav: Dav, report: SyncReport): Promise<void> {
  let current: LocalCard = card;
  for (let attempt = 1; attempt <= MAX_PUT_ATTEMPTS; attempt++) {
    const own = await vcardOf(account, current);
    if (!own) return;
    const data = keepForeignProperties(own, current.syncedVcard);
    let res: Response;
    let href = current.href;
    if (href) res = await updateVCard({ vCard: { url: href, etag: current.etag ?? undefined, data }, headers: dav.headers, fetch: dav.fetch });
    else {
      const filename = `${crypto.randomUUID()}.vcf`;
      href = new URL(filename, dav.book.url).toString();
      res = await createVCard({ addressBook: dav.book, filename, vCardString: data, headers: dav.headers, fetch: dav.fetch });
    }
    if (res.ok) {
      await markSent(account, current, { href, etag: res.headers.get("etag"), data });
      report.sent++;
      return;
    }
    if (res.status === 401 || res.status === 403) throw new PosternError("CARDDAV_AUTH_FAILED", "The address book server refused the user name or password.");
    if (res.status === 404 && current.href) {
      current = { ...current, href: null, etag: null }; // deleted there meanwhile: sent again as new
      continue;
    }
    if (res.status !== 412) throw new PosternError("CARDDAV_UNAVAILABLE", `The address book server refused a card (${res.status}).`);
    // changed on the server since our copy: merge its version in, then try again with its ETag
    const [theirs] = await fetchVCards({ addressBook: dav.book, objectUrls: [href], headers: dav.headers, fetch: dav.fetch });
    const read = theirs && typeof theirs.data === "string" ? readObject(theirs.data) : null;
    if (!theirs || !read) {
      current = { ...current, href: null, etag: null };
      continue;
    }
    const mine = await getCard(account, current.id);
    if (!mine) return;
    const base = current.syncedVcard ? readObject(current.syncedVcard) : null;
    const memberUids = mine.kind === "group" ? (await listCards(account, { ids: mine.links })).map((c) => c.uid) : [];
    const merged = mergeCards(base && { fields: base.fields, members: base.members }, { fields: mine, members: memberUids }, { fields: read.fields, members: read.members });
    await storeMerged(account, current.id, merged.fields, { href, etag: theirs.etag ?? null, data: theirs.data });
    if (mine.kind === "group") await storeMembers(account, current.id, merged.members);
    report.merged++;
    current = (await findLocal(account, href, null)) ?? current;
  }
  report.skipped.push(`${card.uid}: changed on the server again and again; tried ${MAX_PUT_ATTEMPTS} times`);
}

/**
 * Syncs the account's address book both ways with its CardDAV server: the server's changes come
 * in first (a card changed on both sides is merged field-wise, lib/carddav/merge-cards.ts), then
 * local changes and deletions go out with ETags. Runs as the account's one sync across processes
 * (a lease in the database); returns null when another process is syncing it now.
 * @throws PosternError CARDDAV_AUTH_FAILED | CARDDAV_UNAVAILABLE | HOST_REFUSED | NOT_FOUND
 */
export async function syncAddressBook(account: string): Promise<SyncReport | null> {
  const token = await claimSync(account);
  if (!token) return null;
  const report: SyncReport = { received: 0, sent: 0, deleted: 0, merged: 0, skipped: [] };
  try {
    const conn = await getConnection(account);
    if (!conn) throw new PosternError("NOT_FOUND", "No address book server is set up.");
    await checkAddressBook(conn);
    const dav = davOf(conn);
    const state = await pull(account, conn, dav, report);
    for (const t of await tombstones(account)) {
      const res = await deleteVCard({ vCard: { url: t.href, etag: t.etag ?? undefined }, headers: dav.headers, fetch: dav.fetch });
      // 412: changed there after our copy; the server's edit stays and comes back on the next sync
      if (res.ok || res.status === 404 || res.status === 412) await dropTombstone(account, t.href);
    }
    for (const card of await changedCards(account)) {
      await push(account, card, dav, report);
      if (!(await renewSync(account, token))) return report; // another process took over
    }
    // the server's state after our own changes: what the next sync starts from
    const after = await pull(account, { ...conn, ...state }, dav, { ...report, skipped: [] });
    await finishSync(account, token, after);
    return report;
  } catch (e) {
    const shown = isPosternError(e) ? e : new PosternError("CARDDAV_UNAVAILABLE", "The address book could not be synced.", { cause: e });
    if (!isPosternError(e)) console.error("[carddav]", e);
    await finishSync(account, token, { error: storeError(shown) });
    throw shown;
  }
}
