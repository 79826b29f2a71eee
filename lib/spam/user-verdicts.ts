import { spamJudge } from "./evaluate-message";
import type { SpamSource } from "./fetch-spam-sources";
import { saveVerdict } from "./spam-store";

/** The user's own call on these messages (a Spam / Not spam click, or a move in or out of Junk
 * elsewhere) becomes their stored verdict, with the filter's score of now: the filer never
 * second-guesses it, and the same move is never learned twice. */
export async function recordUserVerdicts(account: string, sources: SpamSource[], label: "spam" | "ham"): Promise<void> {
  if (!sources.length) return;
  const judge = await spamJudge(account);
  for (const s of sources) {
    const report = await judge(s.message, s.tokens, { rules: s.rules });
    await saveVerdict(account, s.key, { uid: s.uid, score: report.score, isSpam: label === "spam", filed: false, byUser: true, unsure: false });
  }
}
