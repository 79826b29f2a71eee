/** A message of one mailbox's newest-first list: its source, its place in that list, when it arrived. */
export type Head = { source: number; at: number; arrived: number };

/**
 * Merges mailboxes' newest-first lists into one, keeping each mailbox's own order (arrival, as
 * its list shows it) and interleaving them by arrival time; ties go to the earlier source. So
 * the first n rows of the merge only ever need the first n rows of each list: a page costs the
 * same whatever the mailboxes' sizes. `lists[i]` holds heads of source i, newest first.
 */
export function mergeNewest(lists: Head[][], take: number): Head[] {
  const at = lists.map(() => 0);
  const out: Head[] = [];
  while (out.length < take) {
    let best = -1;
    for (let i = 0; i < lists.length; i++) {
      const head = lists[i][at[i]];
      if (head && (best < 0 || head.arrived > lists[best][at[best]].arrived)) best = i;
    }
    if (best < 0) break;
    out.push(lists[best][at[best]++]);
  }
  return out;
}
