import { getMetrics } from "@/lib/observability/metrics";
import { listAllFolders } from "@/lib/imap/folder-lookup";
import { listMessages, type MessagePage } from "@/lib/imap/list-messages";
import { DEFAULT_LIST_QUERY, isDefaultOrder, toImapSearch } from "@/lib/imap/list-query";
import { moveSelected } from "@/lib/imap/move-messages";
import type { ImapIdentity } from "@/lib/imap/session-pool";
import { withMailbox } from "@/lib/imap/with-mailbox";
import { getSettings } from "@/lib/settings/account-settings";
import { isTrained, spamJudge } from "./evaluate-message";
import { fetchSpamSources, type SpamSource } from "./fetch-spam-sources";
import { learnCorrections } from "./learn-corrections";
import { learnFromJunkMovesQuietly } from "./learn-junk-moves";
import { findJunkFolder } from "./mark-messages";
import { setPossibleSpamMark } from "./possible-spam-mark";
import { spamAccount, spamAutoFile } from "./spam-settings";
import { claimVerdict, findVerdict, inboxMark, pruneVerdicts, recordSenderScore, setInboxMark, type InboxMark } from "./spam-store";
import { filingJobRunning, runFilingJob } from "./filing-job";
import { dbTokenStore } from "./token-store";

/** New messages judged per INBOX listing: a flood of new mail is worked off over several
 * requests instead of delaying one. */
export const FILING_BATCH = 25;

export type FilingResult = { judged: number; filed: number; pending: boolean; /** marked "possibly spam" */ marked?: number };

const NOTHING: FilingResult = { judged: 0, filed: 0, pending: false };

/**
 * Judges INBOX messages that arrived since the last call, each UID once (the mark remembers the
 * highest judged UID, the verdict is stored per message), moves spam to Junk and marks the ones
 * the filter is unsure about "possibly spam" (possible-spam-mark.ts). Runs when INBOX
 * is listed. Until the account has taught the filter a spam and a good message it only moves the
 * mark on: it files nothing, and mail that arrived before filtering started is never filed later.
 * Blacklisted senders are filed even then: that needs no learning.
 */
export async function fileNewInboxMail(id: ImapIdentity, email: string, known?: InboxMark | null): Promise<FilingResult> {
  const account = spamAccount(email);
  const [[autoFile], corpus, mark] = await Promise.all([
    getSettings(account, [spamAutoFile] as const),
    dbTokenStore(account).corpus(),
    known === undefined ? inboxMark(account) : known,
  ]);
  if (!autoFile) return NOTHING;
  return withMailbox(id, "INBOX", async ({ client, mailbox }) => {
    const uidValidity = String(mailbox.uidValidity);
    if (!mark || mark.uidValidity !== uidValidity) {
      // UIDNEXT is only reported on SELECT, and the pooled connection may have had INBOX
      // selected for a while: the newest message's UID is the one to trust.
      const newest = mailbox.exists ? (await client.fetchOne("*", { uid: true }) || { uid: 0 }).uid : Number(mailbox.uidNext) - 1;
      await setInboxMark(account, { uidValidity, lastUid: newest });
      return NOTHING;
    }
    if (mailbox.exists === 0) return NOTHING;
    // "N:*" names the last message even when N is above every UID: filter by value.
    const fresh = ((await client.search({ uid: `${mark.lastUid + 1}:*` }, { uid: true })) || []).filter((u) => u > mark.lastUid).sort((a, b) => a - b);
    const batch = fresh.slice(0, FILING_BATCH);
    if (!batch.length) return NOTHING;
    const junk = findJunkFolder(await listAllFolders(client));
    const spam: number[] = [];
    const unsure: number[] = [];
    const outOfJunk: SpamSource[] = [];
    let judged = 0;
    const judge = await spamJudge(account);
    for (const s of await fetchSpamSources(client, batch.join(","))) {
      const earlier = await findVerdict(account, s.key);
      if (earlier) {
        // Judged before, or the user's own call. Back in INBOX after it went to Junk (Postern filed
        // it, or the user marked it spam here): the user took it out of Junk in another program.
        if (earlier.isSpam) outOfJunk.push(s);
        continue;
      }
      const report = await judge(s.message, s.tokens);
      const file = !!junk && report.isSpam && (isTrained(corpus) || report.list?.kind === "block");
      // Another process listing this INBOX at the same moment may have judged it meanwhile: only
      // the one whose verdict is stored files the message and counts its sender.
      if (!(await claimVerdict(account, s.key, { uid: s.uid, score: report.score, isSpam: report.isSpam, filed: file, unsure: report.unsure }))) continue;
      judged++;
      getMetrics().spamVerdicts.inc({ verdict: report.isSpam ? "spam" : report.unsure ? "unsure" : "ham" });
      if (file) spam.push(s.uid);
      // Spam that could not be filed (no Junk folder) is at least marked.
      const mark = isTrained(corpus) && (report.unsure || (report.isSpam && !file));
      if (mark) unsure.push(s.uid);
      // An untrained filter's 0.5 says nothing about the sender: it would only dilute the average.
      if (report.sender && report.trained) await recordSenderScore(account, report.sender, report.contentScore);
    }
    if (unsure.length) await setPossibleSpamMark(client, unsure.join(","), true);
    if (junk && spam.length) await moveSelected(client, spam.join(","), junk.path);
    await setInboxMark(account, { uidValidity, lastUid: batch[batch.length - 1] });
    await pruneVerdicts(account);
    return { judged, filed: spam.length, pending: fresh.length > batch.length, marked: unsure.length, outOfJunk };
  }).then(async (r) => {
    if (!("outOfJunk" in r)) return r;
    const { outOfJunk, ...result } = r;
    await learnCorrections(email, outOfJunk, "ham");
    return result;
  });
}

/** fileNewInboxMail for a page or route that lists INBOX: filing must never stop the listing. */
export async function fileNewInboxMailQuietly(id: ImapIdentity, email: string, known?: InboxMark | null): Promise<FilingResult> {
  try {
    return await fileNewInboxMail(id, email, known);
  } catch (e) {
    console.warn("[spam] filing new INBOX mail failed:", e);
    return NOTHING;
  }
}

/**
 * Filing for a request that lists INBOX: one batch now (so the page does not show what it files),
 * and when more is waiting (a flood), the rest in a background job (filing-job.ts) while this and
 * later listings answer at list speed. While a job runs, in any process, a listing files nothing.
 */
export async function fileNewInboxMailForListing(id: ImapIdentity, email: string, known?: InboxMark | null): Promise<FilingResult> {
  const account = spamAccount(email);
  if (await filingJobRunning(account).catch(() => false)) return NOTHING;
  const filed = await fileNewInboxMailQuietly(id, email, known);
  if (filed.pending) {
    runFilingJob(account, () => fileNewInboxMailQuietly(id, email)).catch((e: unknown) => console.warn("[spam] background filing failed:", e));
  }
  return filed;
}

/**
 * listMessages, with new INBOX mail filed first so that spam never shows in the list (a flood's
 * rest is filed in the background: fileNewInboxMailForListing). In INBOX's own order new mail can
 * only be on page 1, and page 1 names the newest UID itself: when that UID was judged before,
 * nothing arrived and the check costs no IMAP command (the list's usual case: reloads, live
 * updates); otherwise the page is listed again if filing moved anything away. Later pages hold
 * only older mail and file nothing; searches and other orders can show new mail anywhere, so they
 * file first.
 */
export async function listMessagesFilingSpam(
  id: ImapIdentity,
  email: string,
  opts: Parameters<typeof listMessages>[1],
): Promise<MessagePage> {
  if (opts.folder !== "INBOX") {
    await learnFromJunkMovesQuietly(id, email, opts.folder);
    return listMessages(id, opts);
  }
  const query = opts.query ?? DEFAULT_LIST_QUERY;
  const ownOrder = !toImapSearch(query) && isDefaultOrder(query);
  const mark = await inboxMark(spamAccount(email)).catch(() => undefined);
  if (!ownOrder || !mark) {
    await fileNewInboxMailForListing(id, email, mark);
    return listMessages(id, opts);
  }
  const page = await listMessages(id, opts);
  if (page.page > 1) return page; // (a page number past the end is answered with the last page, maybe page 1)
  const newest = page.newest;
  if (newest && newest.uidValidity === mark.uidValidity && newest.uid <= mark.lastUid) return page;
  const filed = await fileNewInboxMailForListing(id, email, mark);
  // listed again when rows went to Junk, or got the "possibly spam" mark the page must show
  return filed.filed > 0 || (filed.marked ?? 0) > 0 ? listMessages(id, opts) : page;
}

/**
 * For a page that opens INBOX message `uid` before it lists INBOX with listMessagesFilingSpam:
 * files new mail first when `uid` is above the mark, so that a message the filer moves to Junk
 * is never shown as if in INBOX (the open then finds it gone). A UID at or below the mark was
 * judged already, or arrived before filtering started, and the filer never moves it (a mark of
 * another UIDVALIDITY only makes it start afresh, filing nothing): then nothing is done here, not
 * even an IMAP command. Returns whether it ran the filer, so that the listing need not again.
 */
export async function fileNewInboxMailBeforeOpening(id: ImapIdentity, email: string, uid: number): Promise<boolean> {
  const mark = await inboxMark(spamAccount(email)).catch(() => undefined);
  if (mark && uid <= mark.lastUid) return false;
  await fileNewInboxMailQuietly(id, email, mark);
  return true;
}
