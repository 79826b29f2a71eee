/** Most ranges one command names, so a command line stays far below servers' limits (Dovecot's
 * imap_max_line_length is 64 KiB; 500 ranges of two 7-digit UIDs take about 8 KB). */
export const RANGES_PER_COMMAND = 500;

/**
 * UID sets for the given UIDs, consecutive ones as ranges ("4:9,12,20:31"), split into as many
 * sets as it takes to keep each under RANGES_PER_COMMAND ranges. Empty input gives no sets.
 */
export function toUidRanges(uids: Iterable<number>, perCommand = RANGES_PER_COMMAND): string[] {
  const sorted = [...new Set(uids)].sort((a, b) => a - b);
  const ranges: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    ranges.push(i === j ? String(sorted[i]) : `${sorted[i]}:${sorted[j]}`);
    i = j + 1;
  }
  const sets: string[] = [];
  for (let i = 0; i < ranges.length; i += perCommand) sets.push(ranges.slice(i, i + perCommand).join(","));
  return sets;
}
