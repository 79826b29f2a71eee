import { getDb } from "@/lib/db/client";
import { PosternError } from "@/lib/http/errors";
import { selectGroup } from "@/lib/nntp/commands/group";
import { NntpResponseError } from "@/lib/nntp/errors";
import type { NewsSession } from "@/lib/nntp/open-news-session";
import { parseRanges, unreadCount } from "./read-ranges";

export const accountKey = (account: string) => account.trim().toLowerCase();

/** A subscribed group as the folder tree shows it. `missing`: the server no longer has it. */
export type GroupSummary = { group: string; unread: number; missing?: boolean };

/** More subscriptions than this are refused: each costs a GROUP on every news page. */
const MAX_SUBSCRIPTIONS = 300;
const GROUP_NAME = /^[a-z0-9+_-]+(?:\.[a-z0-9+_-]+)*$/i;

/** The account's groups in name order, with the unread counts of the last refresh (no NNTP). */
export async function listSubscriptions(account: string): Promise<GroupSummary[]> {
  const rows = await getDb().newsSubscription.findMany({ where: { account: accountKey(account) }, orderBy: { group: "asc" } });
  return rows.map((r) => ({ group: r.group, unread: r.unread }));
}

/** @throws PosternError BAD_REQUEST for a name that is not a newsgroup name, CONFLICT past the cap */
export async function subscribe(account: string, group: string): Promise<void> {
  if (!GROUP_NAME.test(group) || group.length > 200) throw new PosternError("BAD_REQUEST", "That is not a newsgroup name.");
  const db = getDb();
  const key = accountKey(account);
  if ((await db.newsSubscription.count({ where: { account: key } })) >= MAX_SUBSCRIPTIONS) {
    throw new PosternError("CONFLICT", `You can subscribe to at most ${MAX_SUBSCRIPTIONS} groups.`);
  }
  await db.newsSubscription.upsert({ where: { account_group: { account: key, group } }, create: { account: key, group }, update: {} });
}

export async function unsubscribe(account: string, group: string): Promise<void> {
  await getDb().newsSubscription.deleteMany({ where: { account: accountKey(account), group } });
}

/** Asks the server (one GROUP each) for every subscribed group and stores the new counts. */
export async function refreshSubscriptions(session: NewsSession, account: string): Promise<GroupSummary[]> {
  const db = getDb();
  const rows = await db.newsSubscription.findMany({ where: { account: accountKey(account) }, orderBy: { group: "asc" } });
  const out: GroupSummary[] = [];
  for (const row of rows) {
    try {
      const g = await selectGroup(session.connection, row.group);
      const unread = unreadCount(parseRanges(row.readRanges), g);
      if (unread !== row.unread || g.low !== row.low || g.high !== row.high) {
        await db.newsSubscription.updateMany({ where: { account: row.account, group: row.group }, data: { unread, low: g.low, high: g.high } });
      }
      out.push({ group: row.group, unread });
    } catch (e) {
      if (!(e instanceof NntpResponseError)) throw e;
      out.push({ group: row.group, unread: 0, missing: true });
    }
  }
  return out;
}
