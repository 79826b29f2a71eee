import type { FetchMessageObject, ImapFlow, MailboxObject } from "imapflow";
import { SUMMARY_CACHE_ENTRIES } from "@/lib/limits";
import type { Address } from "@/lib/mime/types";
import { ANSWERED, FLAGGED, SEEN, fetchRowFlags, flagBits, keepRowFlags, markListing, type RowFlags } from "./page-flags";
import { redecodeRows } from "./redecode-rows";
import { readAddress, readAddresses, readHasAttachments, readRowDate, readSize, readSubject } from "./summary-fields";

export type MessageSummary = {
  uid: number;
  subject: string;
  from: Address | null;
  to: Address[];
  date: string | null;
  size: number;
  seen: boolean;
  flagged: boolean;
  answered: boolean;
  hasAttachments: boolean;
};

/** The part of a list row that IMAP never changes: a UID names one immutable message for as long
 * as the folder's UIDVALIDITY stays (RFC 9051 2.3.1.1). Only the flags move. */
type FixedSummary = Omit<MessageSummary, "seen" | "flagged" | "answered">;

/** Never throws: every field falls back to "unknown" (lib/imap/summary-fields.ts). */
function toFixed(m: FetchMessageObject): FixedSummary {
  const env = m.envelope;
  return {
    uid: m.uid,
    subject: readSubject(env?.subject),
    from: readAddress(env?.from?.[0]),
    to: readAddresses(env?.to),
    date: readRowDate(m),
    size: readSize(m.size),
    hasAttachments: readHasAttachments(m.bodyStructure),
  };
}

// Spelled out rather than `{ ...fixed }`: the spread was the IMAP layer's costliest line in a
// profile of 200 sessions listing (1 s of CPU for 600k rows).
function withFlags(f: FixedSummary, bits: number): MessageSummary {
  return {
    uid: f.uid,
    subject: f.subject,
    from: f.from,
    to: f.to,
    date: f.date,
    size: f.size,
    hasAttachments: f.hasAttachments,
    seen: (bits & SEEN) !== 0,
    flagged: (bits & FLAGGED) !== 0,
    answered: (bits & ANSWERED) !== 0,
  };
}

export function toSummary(m: FetchMessageObject): MessageSummary {
  return withFlags(toFixed(m), flagBits(m.flags));
}

const FULL_FIELDS = { uid: true, envelope: true, flags: true, size: true, bodyStructure: true, internalDate: true } as const;
const FIXED_FIELDS = { uid: true, envelope: true, size: true, bodyStructure: true, internalDate: true } as const;

/**
 * Immutable row data by account, folder, UIDVALIDITY and UID, least recently used dropped first.
 * Parsing ENVELOPE and BODYSTRUCTURE is most of the CPU a page costs (imapflow: ~6 of ~9 ms for 50
 * rows); with this cache a page seen before costs one FETCH of UID and FLAGS. Keyed by the IMAP
 * login, so only sessions of the same mailbox share entries.
 */
export class SummaryCache {
  private readonly rows = new Map<string, FixedSummary>();
  /** Folders with at least one cached row, so a cold folder is fetched in one round trip. */
  private readonly folders = new Map<string, number>();

  constructor(private readonly capacity = SUMMARY_CACHE_ENTRIES) {}

  folderKey(account: string, mailbox: Pick<MailboxObject, "path" | "uidValidity">): string {
    return `${account}\u0000${mailbox.path}\u0000${String(mailbox.uidValidity)}`;
  }

  isCold(folder: string): boolean {
    return !this.folders.get(folder);
  }

  get(folder: string, uid: number): FixedSummary | undefined {
    const key = `${folder}\u0000${uid}`;
    const row = this.rows.get(key);
    if (row) {
      this.rows.delete(key);
      this.rows.set(key, row);
    }
    return row;
  }

  put(folder: string, row: FixedSummary): void {
    const key = `${folder}\u0000${row.uid}`;
    if (!this.rows.delete(key)) this.folders.set(folder, (this.folders.get(folder) ?? 0) + 1);
    this.rows.set(key, row);
    while (this.rows.size > this.capacity) {
      const oldest = this.rows.keys().next().value as string;
      this.rows.delete(oldest);
      const f = oldest.slice(0, oldest.lastIndexOf("\u0000"));
      const left = (this.folders.get(f) ?? 1) - 1;
      if (left > 0) this.folders.set(f, left);
      else this.folders.delete(f);
    }
  }

  get size(): number {
    return this.rows.size;
  }
}

const shared = new SummaryCache();

/**
 * List rows for `range` (a sequence set, or a UID set with `byUid`) of the selected folder, in the
 * server's answer order. Rows already known cost only their flags (only the changed ones, for a
 * range this connection listed before: lib/imap/page-flags.ts); the rest are fetched whole.
 */
export async function fetchSummaries(
  client: ImapFlow,
  account: string,
  range: string,
  opts: { byUid?: boolean; cache?: SummaryCache } = {},
): Promise<MessageSummary[]> {
  const cache = opts.cache ?? shared;
  const mailbox = client.mailbox as MailboxObject;
  const folder = cache.folderKey(account, mailbox);
  const fetchOpts = { uid: opts.byUid ?? false };
  const out: MessageSummary[] = [];
  if (cache.isCold(folder)) {
    const mark = markListing(client);
    const flags: RowFlags[] = [];
    const rows: FixedSummary[] = [];
    for await (const m of client.fetch(range, FULL_FIELDS, fetchOpts)) {
      rows.push(toFixed(m));
      flags.push({ uid: m.uid, bits: flagBits(m.flags) });
    }
    await redecodeRows(client, rows);
    rows.forEach((fixed, i) => {
      cache.put(folder, fixed);
      out.push(withFlags(fixed, flags[i].bits));
    });
    keepRowFlags(client, range, fetchOpts.uid, mark, flags);
    return out;
  }
  const flagged = await fetchRowFlags(client, range, fetchOpts.uid);
  const known = new Map<number, FixedSummary>();
  const missing: number[] = [];
  for (const f of flagged) {
    const row = cache.get(folder, f.uid);
    if (row) known.set(f.uid, row);
    else missing.push(f.uid);
  }
  if (missing.length) {
    const rows: FixedSummary[] = [];
    for await (const m of client.fetch(missing.join(","), FIXED_FIELDS, { uid: true })) rows.push(toFixed(m));
    await redecodeRows(client, rows);
    for (const fixed of rows) {
      cache.put(folder, fixed);
      known.set(fixed.uid, fixed);
    }
  }
  for (const f of flagged) {
    // A message expunged between the two FETCHes has no row: it is gone from the page too.
    const fixed = known.get(f.uid);
    if (fixed) out.push(withFlags(fixed, f.bits));
  }
  return out;
}
