import { getSettings } from "@/lib/settings/account-settings";
import { autoWhitelist, combineScore } from "./combine-score";
import { classifyTokens, type BayesResult, type CorpusSize, type TokenCounts } from "./graham";
import { applyRules, type RuleHit } from "./heuristics";
import { listVerdict, type ListEntry } from "./sender-lists";
import { readSenderAuth, type SenderAuth } from "./sender-auth";
import { SPAM_SETTINGS } from "./spam-settings";
import type { SpamMessage } from "./spam-message";
import { listEntries, senderAverage } from "./spam-store";
import { dbTokenStore } from "./token-store";
import { tokenize } from "./tokenize";

/** Everything the filter concluded about one message: what the "why" panel shows. */
export type SpamReport = {
  /** Final score in [0, 1]; spam when above `threshold`. */
  score: number;
  isSpam: boolean;
  threshold: number;
  /** The Bayesian filter has learned at least one spam and one good message. Until then its
   * probability is left out (0.5) and nothing is filed automatically. */
  trained: boolean;
  corpus: CorpusSize;
  bayes: BayesResult;
  rules: RuleHit[];
  rulePoints: number;
  /** Score from Bayes and rules, before the auto-whitelist. */
  contentScore: number;
  sender: string | null;
  senderHistory: { average: number | null; count: number };
  awlFactor: number;
  list: ListEntry | null;
  auth: SenderAuth;
};

export type ScoreInput = {
  bayes: BayesResult;
  trained: boolean;
  rules: RuleHit[];
  list: ListEntry | null;
  senderAverage: number | null;
  awlFactor: number;
  threshold: number;
};

/** The decision, given what was found (pure: see combine-score.ts for the formula). */
export function decide(input: ScoreInput): { contentScore: number; score: number; isSpam: boolean; rulePoints: number } {
  const rulePoints = input.rules.reduce((sum, r) => sum + r.points, 0);
  const contentScore = combineScore(input.trained ? input.bayes.probability : 0.5, rulePoints);
  let score = autoWhitelist(contentScore, input.senderAverage, input.awlFactor);
  if (input.list?.kind === "allow") score = 0;
  if (input.list?.kind === "block") score = 1;
  return { contentScore, score, isSpam: score > input.threshold, rulePoints };
}

/** An account has taught the filter enough to trust its probabilities. */
export const isTrained = (c: CorpusSize) => c.spamMessages > 0 && c.hamMessages > 0;

/** Judges one message for an account (`account` = spamAccount(email)) with its lists, settings,
 * learned counts and the sender's history. Reads only; nothing is recorded. */
export async function evaluateMessage(account: string, message: SpamMessage, tokens: string[] = tokenize(message)): Promise<SpamReport> {
  const store = dbTokenStore(account);
  const [[threshold, interesting, , , awlFactor], corpus, counts, entries] = await Promise.all([
    getSettings(account, SPAM_SETTINGS),
    store.corpus(),
    store.counts(tokens),
    listEntries(account),
  ]);
  const sender = message.from?.[0]?.address?.toLowerCase() || null;
  const senderHistory = sender ? await senderAverage(account, sender) : { average: null, count: 0 };
  const bayes = classifyTokens(tokens, (t): TokenCounts | undefined => counts.get(t), corpus, { interesting, threshold });
  const rules = applyRules(message);
  const list = sender ? listVerdict(sender, entries) : null;
  const trained = isTrained(corpus);
  const decision = decide({ bayes, trained, rules, list, senderAverage: senderHistory.average, awlFactor, threshold });
  return { ...decision, threshold, trained, corpus, bayes, rules, sender, senderHistory, awlFactor, list, auth: readSenderAuth(message) };
}
