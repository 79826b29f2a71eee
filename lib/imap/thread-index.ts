/**
 * A folder's threads in two flat typed arrays instead of an array per thread: 8 bytes per message
 * at most, so a 100,000-message folder costs under 1 MB in the cache (thread-cache.ts).
 */
export type ThreadIndex = {
  /** Every UID, thread after thread, newest thread (highest UID) first; ascending inside a thread. */
  readonly uids: Uint32Array;
  /** Thread i is uids[starts[i]] up to (not including) uids[starts[i + 1]]. */
  readonly starts: Uint32Array;
};

export const EMPTY_THREAD_INDEX: ThreadIndex = { uids: new Uint32Array(0), starts: new Uint32Array([0]) };

/**
 * Packs threads (lists of UIDs) newest first: by the highest UID in each, i.e. by the arrival of
 * their latest message, which is the order the plain message list uses and needs no dates.
 */
export function packThreads(groups: readonly (readonly number[])[]): ThreadIndex {
  const sorted = groups
    .filter((g) => g.length)
    .map((g) => [...g].sort((a, b) => a - b))
    .sort((a, b) => b[b.length - 1] - a[a.length - 1]);
  const uids = new Uint32Array(sorted.reduce((n, g) => n + g.length, 0));
  const starts = new Uint32Array(sorted.length + 1);
  let at = 0;
  sorted.forEach((g, i) => {
    starts[i] = at;
    uids.set(g, at);
    at += g.length;
  });
  starts[sorted.length] = at;
  return { uids, starts };
}

export function countThreads(index: ThreadIndex): number {
  return index.starts.length - 1;
}

/** Messages in all threads. */
export function countThreadedMessages(index: ThreadIndex): number {
  return index.uids.length;
}

/** The UIDs of thread `i` (0 = newest), ascending. */
export function threadUidsAt(index: ThreadIndex, i: number): number[] {
  return Array.from(index.uids.subarray(index.starts[i], index.starts[i + 1]));
}

/** The position of the thread holding `uid`, or -1. */
export function findThreadOf(index: ThreadIndex, uid: number): number {
  const at = index.uids.indexOf(uid);
  if (at === -1) return -1;
  let lo = 0;
  let hi = index.starts.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (index.starts[mid] <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
