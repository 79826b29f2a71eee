import type { ImapFlow } from "imapflow";

/** Events after which the selected folder may hold other messages, or in another order of sequence
 * numbers, than before. Flag changes are not among them: lists ask for those with CHANGEDSINCE. */
const MEMBERSHIP_EVENTS = ["exists", "expunge", "mailboxOpen", "mailboxClose", "close"] as const;

const counters = new WeakMap<ImapFlow, { changes: number }>();

/**
 * A value that stays the same for as long as this connection's selected folder holds the same
 * messages under the same sequence numbers, or null when nothing is selected. Every EXISTS and
 * EXPUNGE the server sends (also during APPEND, MOVE and UID EXPUNGE) and every SELECT/CLOSE
 * changes it, so an expunge followed by an arrival, which leaves the count as it was, does too.
 * Results worked out from the folder's contents (SEARCH, SORT, which UIDs a page holds) can be
 * kept under it; the caller NOOPs first so the server has announced what happened meanwhile.
 */
export function selectionVersion(client: ImapFlow): string | null {
  let counter = counters.get(client);
  if (!counter) {
    const c = { changes: 0 };
    // Listening starts at the first call: nothing was kept under a version before it.
    for (const event of MEMBERSHIP_EVENTS) client.on(event, () => void c.changes++);
    counters.set(client, c);
    counter = c;
  }
  const mailbox = client.mailbox;
  if (!mailbox) return null;
  return `${mailbox.path}\u0000${String(mailbox.uidValidity)}\u0000${mailbox.exists}\u0000${counter.changes}`;
}
