import type { ImapFlow, MailboxObject } from "imapflow";
import { PAGE_FLAG_SNAPSHOTS } from "@/lib/limits";
import { POSSIBLE_SPAM_KEYWORD } from "@/lib/spam/possible-spam-mark";
import { selectionVersion } from "./selection-version";

/** The flags a list row shows, as bits: a page's worth fits in 50 bytes. */
export const SEEN = 1;
export const FLAGGED = 2;
export const ANSWERED = 4;
/** The spam filter's "possibly spam" keyword (lib/spam/possible-spam-mark.ts). */
export const POSSIBLE_SPAM = 8;

export function flagBits(flags: Set<string> | undefined): number {
  if (!flags) return 0;
  return (
    (flags.has("\\Seen") ? SEEN : 0) |
    (flags.has("\\Flagged") ? FLAGGED : 0) |
    (flags.has("\\Answered") ? ANSWERED : 0) |
    (flags.has(POSSIBLE_SPAM_KEYWORD) ? POSSIBLE_SPAM : 0)
  );
}

export type RowFlags = { uid: number; bits: number };

/** The rows of one range as last fetched, and the HIGHESTMODSEQ they are known to be current at. */
type Snapshot = { version: string; modseq: bigint; uids: Uint32Array; bits: Uint8Array };

/** Per connection, the ranges it listed lately (least recently used first), keyed by range. Per
 * process like the connection; CHANGEDSINCE asks the server what any other client changed. */
const kept = new WeakMap<ImapFlow, Map<string, Snapshot>>();

function snapshotsOf(client: ImapFlow): Map<string, Snapshot> {
  let m = kept.get(client);
  if (!m) kept.set(client, (m = new Map()));
  return m;
}

const FLAG_FIELDS = { uid: true, flags: true } as const;

/** Where a listing started: the folder's membership and the HIGHESTMODSEQ known before fetching
 * (whatever changes later has a higher mod-sequence, so a CHANGEDSINCE from here cannot miss it).
 * Null without CONDSTORE or a selected folder: then nothing is kept. */
export type ListingMark = { version: string; modseq: bigint } | null;

export function markListing(client: ImapFlow): ListingMark {
  const mailbox = client.mailbox as MailboxObject;
  const version = selectionVersion(client);
  const modseq = client.enabled.has("CONDSTORE") && !mailbox.noModseq ? mailbox.highestModseq : undefined;
  return version !== null && modseq !== undefined ? { version, modseq } : null;
}

const rangeKey = (range: string, byUid: boolean) => `${byUid ? "uid" : "seq"} ${range}`;

/** Keeps the flags just fetched for `range`, unless the folder's membership changed meanwhile. */
export function keepRowFlags(client: ImapFlow, range: string, byUid: boolean, mark: ListingMark, rows: RowFlags[]): void {
  const key = rangeKey(range, byUid);
  if (!mark || selectionVersion(client) !== mark.version) {
    kept.get(client)?.delete(key);
    return;
  }
  const m = snapshotsOf(client);
  m.delete(key);
  m.set(key, { ...mark, uids: Uint32Array.from(rows, (r) => r.uid), bits: Uint8Array.from(rows, (r) => r.bits) });
  while (m.size > PAGE_FLAG_SNAPSHOTS) m.delete(m.keys().next().value as string);
}

/**
 * UID and flags of `range` (a sequence set, or a UID set with `byUid`) of the selected folder, in
 * the server's answer order.
 *
 * With CONDSTORE (RFC 7162) a range listed before on this connection costs a FETCH ... (CHANGEDSINCE
 * m), which the server answers with only the rows whose flags changed since: nothing, usually,
 * instead of 50 rows to parse. That holds while the folder's membership is unchanged
 * (`selectionVersion`: no EXISTS, EXPUNGE or reselect meanwhile), so a sequence range still names
 * the same messages; otherwise, and on servers without CONDSTORE, all rows are fetched.
 */
export async function fetchRowFlags(client: ImapFlow, range: string, byUid: boolean): Promise<RowFlags[]> {
  const mark = markListing(client);
  const snap = kept.get(client)?.get(rangeKey(range, byUid));
  let rows = snap && mark && snap.version === mark.version ? await changedSince(client, range, byUid, snap) : null;
  if (!rows) {
    rows = [];
    for await (const m of client.fetch(range, FLAG_FIELDS, { uid: byUid })) rows.push({ uid: m.uid, bits: flagBits(m.flags) });
  }
  keepRowFlags(client, range, byUid, mark, rows);
  return rows;
}

/** The snapshot's rows with the changes since its mod-sequence applied, or null when the answer
 * names a message the snapshot does not hold (then everything is fetched again). */
async function changedSince(client: ImapFlow, range: string, byUid: boolean, snap: Snapshot): Promise<RowFlags[] | null> {
  const changed: RowFlags[] = [];
  for await (const m of client.fetch(range, FLAG_FIELDS, { uid: byUid, changedSince: snap.modseq })) changed.push({ uid: m.uid, bits: flagBits(m.flags) });
  const bits = Uint8Array.from(snap.bits);
  if (changed.length) {
    const index = new Map(Array.from(snap.uids, (uid, i) => [uid, i]));
    for (const c of changed) {
      const i = index.get(c.uid);
      if (i === undefined) return null;
      bits[i] = c.bits;
    }
  }
  return Array.from(snap.uids, (uid, i) => ({ uid, bits: bits[i] }));
}

/** Forgets what this connection listed (tests and the benchmark measure the uncached path). */
export function forgetRowFlags(client: ImapFlow): void {
  kept.delete(client);
}
