import type { Pop3Listing } from "@/lib/pop3/commands/list-messages";

/** "too-large": RETR gave more than the limit although LIST said less (left on the server). */
export type SeenEntry = { state: "pending" | "stored" | "too-large"; storedAt: Date | null };

export type CollectionPlan = {
  /** New (or pending from an interrupted run) messages to store now, in the server's order. */
  fetch: Pop3Listing[];
  /** Of `fetch`, those an interrupted run may have stored already: look for them first. */
  resume: Set<string>;
  /** Stored messages due to be deleted from the server. */
  remove: Pop3Listing[];
  /** Seen entries the server no longer lists. */
  prune: string[];
  /** New messages larger than the per-message limit: left on the server. */
  tooLarge: Pop3Listing[];
  /** Whether messages are left for the next run (the per-run cap was reached). */
  more: boolean;
};

export type PlanOptions = {
  now: Date;
  /** null: leave everything on the server. */
  deleteAfterDays: number | null;
  maxMessages: number;
  maxBytes: number;
  maxMessageBytes: number;
};

const DAY_MS = 24 * 60 * 60 * 1000;

/** What one run does, from the server's listing and what was stored before (pure). */
export function planCollection(listing: Pop3Listing[], seen: Map<string, SeenEntry>, opts: PlanOptions): CollectionPlan {
  const listed = new Set(listing.map((m) => m.uidl));
  const prune = [...seen.keys()].filter((uidl) => !listed.has(uidl));
  const fetch: Pop3Listing[] = [];
  const resume = new Set<string>();
  const tooLarge: Pop3Listing[] = [];
  const remove: Pop3Listing[] = [];
  let bytes = 0;
  let more = false;
  for (const m of listing) {
    const entry = seen.get(m.uidl);
    if (entry?.state === "stored") {
      const due = opts.deleteAfterDays !== null && (entry.storedAt?.getTime() ?? 0) <= opts.now.getTime() - opts.deleteAfterDays * DAY_MS;
      if (due) remove.push(m);
      continue;
    }
    if (m.size > opts.maxMessageBytes || entry?.state === "too-large") {
      tooLarge.push(m);
      continue;
    }
    // the first message always goes, so one larger than the byte cap cannot stall the account
    if (fetch.length >= opts.maxMessages || (fetch.length > 0 && bytes + m.size > opts.maxBytes)) {
      more = true;
      continue;
    }
    fetch.push(m);
    bytes += m.size;
    if (entry?.state === "pending") resume.add(m.uidl);
  }
  return { fetch, resume, remove, prune, tooLarge, more };
}
