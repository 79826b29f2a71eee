import type { Address } from "@/lib/mime/types";
import type { MessageSummary } from "./list-messages";

/** One row of the thread list. */
export type ThreadSummary = {
  /** The newest message (highest UID): the row opens the conversation from it. */
  uid: number;
  /** Every message of the thread in this folder, ascending. */
  uids: number[];
  count: number;
  /** The subject of the thread's first message. */
  subject: string;
  /** Distinct senders, first to write first (of the messages sampled, see sampleUids). */
  participants: Address[];
  /** Date of the newest message (ISO 8601), or null. */
  date: string | null;
  /** Messages without \Seen. */
  unread: number;
  flagged: boolean;
  hasAttachments: boolean;
};

/** Messages per thread whose envelope and structure a list page fetches: the first and the
 * newest ones. A 5,000-message thread costs its flags, not 5,000 envelopes. */
export const SAMPLED_PER_THREAD = 10;

/** The UIDs of a thread (ascending) whose envelopes the list fetches: the first and the newest. */
export function sampleUids(uids: readonly number[], per = SAMPLED_PER_THREAD): number[] {
  if (uids.length <= per) return [...uids];
  return [uids[0], ...uids.slice(uids.length - (per - 1))];
}

export type FlagState = { seen: boolean; flagged: boolean };

/**
 * A thread list row from what was fetched: flags of every message, summaries of the sampled ones.
 * A message that vanished since the threads were computed is missing from both and left out;
 * null when the whole thread vanished.
 */
export function summarizeThread(
  uids: readonly number[],
  flags: ReadonlyMap<number, FlagState>,
  sampled: ReadonlyMap<number, MessageSummary>,
): ThreadSummary | null {
  const present = uids.filter((uid) => flags.has(uid));
  if (!present.length) return null;
  const known = present.map((uid) => sampled.get(uid)).filter((m): m is MessageSummary => Boolean(m));
  const newest = known[known.length - 1];
  const participants: Address[] = [];
  const seen = new Set<string>();
  for (const m of known) {
    const key = (m.from?.address || m.from?.name || "").toLowerCase();
    if (m.from && !seen.has(key)) seen.add(key), participants.push(m.from);
  }
  return {
    uid: present[present.length - 1],
    uids: present,
    count: present.length,
    subject: known[0]?.subject ?? "",
    participants,
    date: newest?.date ?? null,
    unread: present.filter((uid) => !flags.get(uid)!.seen).length,
    flagged: present.some((uid) => flags.get(uid)!.flagged),
    hasAttachments: known.some((m) => m.hasAttachments),
  };
}
