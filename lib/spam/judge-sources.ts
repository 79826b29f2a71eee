import { getMetrics } from "@/lib/observability/metrics";
import { isTrained, spamJudge } from "./evaluate-message";
import type { SpamSource } from "./fetch-spam-sources";
import type { CorpusSize } from "./graham";
import { claimVerdict, findVerdict, recordSenderScore } from "./spam-store";

export type Judgement = {
  judged: number;
  /** UIDs to move to Junk */
  spam: number[];
  /** UIDs to mark "possibly spam" */
  unsure: number[];
  /** Messages judged before as spam, now back in the folder: the user took them out of Junk elsewhere. */
  outOfJunk: SpamSource[];
};

/**
 * Judges new messages of a folder the filter watches (INBOX, or the folder POP3 collects into),
 * each once: the verdict is stored per message, and another process judging the same message at
 * the same moment leaves filing to the one whose verdict is stored. Moving and marking is left to
 * the caller.
 */
export async function judgeSources(account: string, sources: SpamSource[], opts: { corpus: CorpusSize; canFile: boolean }): Promise<Judgement> {
  const out: Judgement = { judged: 0, spam: [], unsure: [], outOfJunk: [] };
  if (!sources.length) return out;
  const judge = await spamJudge(account);
  for (const s of sources) {
    const earlier = await findVerdict(account, s.key);
    if (earlier) {
      // Judged before, or the user's own call. Back in the folder after it went to Junk (Postern filed
      // it, or the user marked it spam here): the user took it out of Junk in another program.
      if (earlier.isSpam) out.outOfJunk.push(s);
      continue;
    }
    const report = await judge(s.message, s.tokens, { rules: s.rules });
    const file = opts.canFile && report.isSpam && (isTrained(opts.corpus) || report.list?.kind === "block");
    if (!(await claimVerdict(account, s.key, { uid: s.uid, score: report.score, isSpam: report.isSpam, filed: file, unsure: report.unsure }))) continue;
    out.judged++;
    getMetrics().spamVerdicts.inc({ verdict: report.isSpam ? "spam" : report.unsure ? "unsure" : "ham" });
    if (file) out.spam.push(s.uid);
    // Spam that could not be filed (no Junk folder) is at least marked.
    if (isTrained(opts.corpus) && (report.unsure || (report.isSpam && !file))) out.unsure.push(s.uid);
    // An untrained filter's 0.5 says nothing about the sender: it would only dilute the average.
    if (report.sender && report.trained) await recordSenderScore(account, report.sender, report.contentScore);
  }
  return out;
}
