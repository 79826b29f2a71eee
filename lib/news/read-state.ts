import { getDb } from "@/lib/db/client";
import { addRanges, countReadIn, formatRanges, parseRanges, removeRange, type Range } from "./read-ranges";
import { accountKey } from "./subscriptions";

export type ArticleMark = { group: string; number: number };

/** Changes the read ranges of the subscribed groups among `marks` (a cross-posted article names
 * each of its groups, from Xref). Unsubscribed groups keep no read state. Each group is one
 * read-modify-write in a transaction, so two tabs marking at once lose nothing. */
async function changeRanges(account: string, marks: readonly ArticleMark[], change: (ranges: Range[], numbers: number[]) => Range[]): Promise<void> {
  const byGroup = new Map<string, number[]>();
  for (const m of marks) byGroup.set(m.group, [...(byGroup.get(m.group) ?? []), m.number]);
  const db = getDb();
  const key = accountKey(account);
  for (const [group, numbers] of byGroup) {
    await db.$transaction(async (tx) => {
      const row = await tx.newsSubscription.findUnique({ where: { account_group: { account: key, group } } });
      if (!row) return;
      const before = parseRanges(row.readRanges);
      const ranges = change([...before], numbers);
      // `unread` stays an estimate until the next GROUP: moved by what changed in the group's range
      const delta = countReadIn(ranges, row.low, row.high) - countReadIn(before, row.low, row.high);
      const unread = Math.max(0, row.unread - delta);
      await tx.newsSubscription.update({ where: { account_group: { account: key, group } }, data: { readRanges: formatRanges(ranges), unread } });
    });
  }
}

export function markRead(account: string, marks: readonly ArticleMark[]): Promise<void> {
  return changeRanges(account, marks, (ranges, numbers) => addRanges(ranges, numbers.map((n) => [n, n] as const)));
}

export function markUnread(account: string, mark: ArticleMark): Promise<void> {
  return changeRanges(account, [mark], (ranges) => removeRange(ranges, [mark.number, mark.number]));
}

/** Everything up to `high` read (newsrc "catch up"). */
export function markGroupRead(account: string, group: string, high: number): Promise<void> {
  return changeRanges(account, [{ group, number: high }], (ranges) => addRanges(ranges, [[1, high]]));
}

/** The read ranges of a group, empty when not subscribed. */
export async function readRangesOf(account: string, group: string): Promise<Range[]> {
  const row = await getDb().newsSubscription.findUnique({ where: { account_group: { account: accountKey(account), group } } });
  return row ? parseRanges(row.readRanges) : [];
}
