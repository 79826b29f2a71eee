// Read articles of one group as sorted, disjoint number ranges, stored newsrc-style
// ("1-120,125,130-140"): a group read to the end is one range however many articles it has.

export type Range = readonly [number, number];

/** At most this many ranges are kept: a reader who skips around in a huge group would otherwise
 * grow the row without bound. The oldest ones merge first (those gaps are the least likely read). */
const MAX_RANGES = 500;

/** Parses "1-5,7,9-12"; anything unreadable is dropped, so a damaged row loses marks, not the page. */
export function parseRanges(text: string): Range[] {
  const out: [number, number][] = [];
  for (const part of text.split(",")) {
    const m = /^\s*(\d+)(?:-(\d+))?\s*$/.exec(part);
    if (!m) continue;
    const a = Number(m[1]);
    const b = m[2] ? Number(m[2]) : a;
    if (Number.isSafeInteger(a) && Number.isSafeInteger(b) && a >= 1 && b >= a) out.push([a, b]);
  }
  return normalize(out);
}

export function formatRanges(ranges: readonly Range[]): string {
  return ranges.map(([a, b]) => (a === b ? String(a) : `${a}-${b}`)).join(",");
}

function normalize(ranges: [number, number][]): Range[] {
  ranges.sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const [a, b] of ranges) {
    const last = out[out.length - 1];
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  while (out.length > MAX_RANGES) {
    const [first, second] = out.splice(0, 2);
    out.unshift([first[0], second[1]]);
  }
  return out;
}

/** Adds numbers or ranges. */
export function addRanges(ranges: readonly Range[], add: readonly Range[]): Range[] {
  return normalize([...ranges, ...add].map(([a, b]) => [a, b] as [number, number]));
}

/** Removes the numbers in `remove` (marking unread). */
export function removeRange(ranges: readonly Range[], [lo, hi]: Range): Range[] {
  const out: [number, number][] = [];
  for (const [a, b] of ranges) {
    if (b < lo || a > hi) out.push([a, b]);
    else {
      if (a < lo) out.push([a, lo - 1]);
      if (b > hi) out.push([hi + 1, b]);
    }
  }
  return out;
}

export function isRead(ranges: readonly Range[], n: number): boolean {
  // binary search: ranges are sorted and disjoint
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b] = ranges[mid];
    if (n < a) hi = mid - 1;
    else if (n > b) lo = mid + 1;
    else return true;
  }
  return false;
}

/** How many numbers in [low, high] are marked read. */
export function countReadIn(ranges: readonly Range[], low: number, high: number): number {
  let n = 0;
  for (const [a, b] of ranges) {
    const from = Math.max(a, low);
    const to = Math.min(b, high);
    if (to >= from) n += to - from + 1;
  }
  return n;
}

/** Unread articles of a group from GROUP's estimate: never below 0 or above the count. */
export function unreadCount(ranges: readonly Range[], group: { count: number; low: number; high: number }): number {
  if (group.count === 0 || group.high < group.low) return 0;
  return Math.max(0, Math.min(group.count, group.count - countReadIn(ranges, group.low, group.high)));
}
