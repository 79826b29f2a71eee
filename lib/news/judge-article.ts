import { getDb } from "@/lib/db/client";
import { evaluateMessage } from "@/lib/spam/evaluate-message";
import { readSpamMessage } from "@/lib/spam/read-spam-message";
import { spamAccount } from "@/lib/spam/spam-settings";
import { accountKey } from "./subscriptions";

/** What the reader is told about an article the spam filter judged. */
export type ArticleVerdict = { score: number; isSpam: boolean; unsure: boolean; trained: boolean };

/** The reader turned the spam filter on for `group` (a subscribed group; off by default). */
export async function spamFilterOn(account: string, group: string): Promise<boolean> {
  const row = await getDb().newsSubscription.findUnique({ where: { account_group: { account: accountKey(account), group } }, select: { spamFilter: true } });
  return row?.spamFilter ?? false;
}

/** Turns the spam filter on or off for a subscribed group (nothing happens for another). */
export async function setSpamFilter(account: string, opts: { group: string; on: boolean }): Promise<void> {
  await getDb().newsSubscription.updateMany({ where: { account: accountKey(account), group: opts.group }, data: { spamFilter: opts.on } });
}

/**
 * The spam filter's verdict on an article, judged as a mail message is (same reading, lists,
 * rules and learned words of the account). Reads only: nothing is learned or recorded, since
 * articles are not moved to Junk.
 */
export async function judgeArticle(account: string, raw: Buffer): Promise<ArticleVerdict> {
  const { message } = await readSpamMessage(raw);
  const report = await evaluateMessage(spamAccount(account), message);
  return { score: report.score, isSpam: report.isSpam, unsure: report.unsure, trained: report.trained };
}
