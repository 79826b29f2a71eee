import { PosternError } from "@/lib/http/errors";
import type { StoredSettings } from "@/lib/settings/account-settings";
import type { ImapIdentity } from "@/lib/imap/session-pool";
import { withMailbox } from "@/lib/imap/with-mailbox";
import { evaluateMessage, type SpamReport } from "./evaluate-message";
import { fetchSpamSources, spamSourceOf } from "./fetch-spam-sources";
import { spamAccount } from "./spam-settings";
import { findVerdict, trainedLabel, type TrainedLabel, type Verdict } from "./spam-store";

/** The "why" panel's data: the filter's judgement now, what it decided when the message arrived,
 * and what the user taught it about this message. */
export type MessageSpamReport = SpamReport & { verdict: Verdict | null; learnedAs: TrainedLabel | null };

/** `raw`: the message's bytes when the caller has just fetched them whole (the mail page opening
 * it): then no IMAP command is needed. `settings`: the account's, when the caller has read them.
 * @throws PosternError NOT_FOUND | IMAP_UNAVAILABLE */
export async function messageSpamReport(id: ImapIdentity, email: string, folder: string, uid: number, raw?: Buffer, settings?: StoredSettings): Promise<MessageSpamReport> {
  const account = spamAccount(email);
  const [source] = raw ? [await spamSourceOf(uid, raw)] : await withMailbox(id, folder, ({ client }) => fetchSpamSources(client, String(uid)));
  if (!source) throw new PosternError("NOT_FOUND", "This message no longer exists. It may have been moved or deleted.");
  const [report, verdict, learnedAs] = await Promise.all([
    evaluateMessage(account, source.message, source.tokens, source.rules, settings),
    findVerdict(account, source.key),
    trainedLabel(account, source.key),
  ]);
  return { ...report, verdict, learnedAs };
}
