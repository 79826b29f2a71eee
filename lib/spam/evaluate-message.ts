import { getSettings, settingsFrom, storedSettingsCover, type StoredSettings } from "@/lib/settings/account-settings";
import { autoWhitelist, combineScore } from "./combine-score";
import { classifyTokens, type BayesResult, type CorpusSize, type TokenCounts } from "./graham";
import { applyRules, type RuleHit } from "./heuristics";
import { dnsblHits } from "./dnsbl";
import { explainScore, scoreTokens, type LearnerResult } from "./learner";
import { originatingIp } from "./originating-ip";
import { learnedRules } from "./rule-weights";
import { LOGISTIC_DEFAULTS } from "./logistic";
import { listVerdict, type ListEntry } from "./sender-lists";
import { readSenderAuth, type SenderAuth } from "./sender-auth";
import { SPAM_SETTINGS } from "./spam-settings";
import type { SpamMessage } from "./spam-message";
import { listEntries, senderAverage } from "./spam-store";
import { dbTokenStore } from "./token-store";
import { dbWeightStore } from "./weight-store";
import { tokenize } from "./tokenize";

export type SpamMethod = "logistic" | "graham";

/** Everything the filter concluded about one message: what the "why" panel shows. */
export type SpamReport = {
  /** Final score in [0, 1]; spam when above `threshold`, "possibly spam" above `unsureThreshold`. */
  score: number;
  isSpam: boolean;
  /** Not spam, but above the "possibly spam" cut-off: stays in INBOX, marked. */
  unsure: boolean;
  threshold: number;
  unsureThreshold: number;
  method: SpamMethod;
  /** The filter has learned at least one spam and one good message. Until then its
   * probability is left out (0.5) and nothing is filed automatically. */
  trained: boolean;
  corpus: CorpusSize;
  /** Graham's verdict (method "graham"). */
  bayes: BayesResult | null;
  /** The default learner's verdict and evidence (method "logistic"). */
  learner: LearnerResult | null;
  rules: RuleHit[];
  rulePoints: number;
  /** Score from the learner and rules, before the auto-whitelist. */
  contentScore: number;
  sender: string | null;
  senderHistory: { average: number | null; count: number };
  awlFactor: number;
  list: ListEntry | null;
  auth: SenderAuth;
};

export type ScoreInput = {
  /** The learner's probability that the message is spam. */
  probability: number;
  trained: boolean;
  rules: RuleHit[];
  list: ListEntry | null;
  senderAverage: number | null;
  awlFactor: number;
  threshold: number;
  /** "Possibly spam" above this (equal to `threshold`: no such band). */
  unsureThreshold?: number;
};

export type Decision = { contentScore: number; score: number; isSpam: boolean; unsure: boolean; rulePoints: number };

/** The decision, given what was found (pure: see combine-score.ts for the formula). */
export function decide(input: ScoreInput): Decision {
  const rulePoints = input.rules.reduce((sum, r) => sum + r.points, 0);
  const contentScore = combineScore(input.trained ? input.probability : 0.5, rulePoints);
  let score = autoWhitelist(contentScore, input.senderAverage, input.awlFactor);
  if (input.list?.kind === "allow") score = 0;
  if (input.list?.kind === "block") score = 1;
  const isSpam = score > input.threshold;
  // An untrained filter's 0.5 is no opinion, not doubt.
  const unsure = !isSpam && input.trained && score > (input.unsureThreshold ?? input.threshold);
  return { contentScore, score, isSpam, unsure, rulePoints };
}

/** An account has taught the filter enough to trust its probabilities. */
export const isTrained = (c: CorpusSize) => c.spamMessages > 0 && c.hamMessages > 0;

export type JudgeOptions = {
  /** Name the evidence that decided (the "Why?" panel); filing needs only the verdict. */
  explain?: boolean;
  /** The message's rules when the caller has them already (fetch-spam-sources.ts). */
  rules?: RuleHit[];
};

/** Judges messages for one account: (message, tokens) → report. */
export type SpamJudge = (message: SpamMessage, tokens?: string[], opts?: JudgeOptions) => Promise<SpamReport>;

/**
 * Reads what an account's judgements depend on — settings, lists, corpus size, the learner's
 * weights — once, and returns a judge for a batch of messages (a filing run, a marked selection).
 * The weights are those of the moment it was made: a batch is judged by one model version, and
 * the next batch reads the newest (weight-store.ts keeps the model cached per version). Per
 * message only the sender's history, Graham's token counts and the blocklists are asked.
 * `known.settings`: the account's settings when the caller has read them (the mail page).
 */
export async function spamJudge(account: string, known: { settings?: StoredSettings } = {}): Promise<SpamJudge> {
  const store = dbTokenStore(account);
  const [[grahamThreshold, interesting, , , awlFactor, method, learnerThreshold, learnerUnsure], corpus, entries] = await Promise.all([
    known.settings && storedSettingsCover(known.settings, SPAM_SETTINGS, [account]) ? settingsFrom(known.settings, SPAM_SETTINGS) : getSettings(account, SPAM_SETTINGS),
    store.corpus(),
    listEntries(account),
  ]);
  const weights = method === "logistic" ? await dbWeightStore(account).load() : null;
  const threshold = method === "graham" ? grahamThreshold : learnerThreshold;
  // Graham's method as built has two verdicts; the band belongs to the default learner.
  const unsureThreshold = method === "graham" ? threshold : Math.min(learnerUnsure, threshold);
  const trained = isTrained(corpus);

  return async (message, tokens = tokenize(message), opts = {}) => {
    const sender = message.from?.[0]?.address?.toLowerCase() || null;
    const [senderHistory, bayes, blocklisted] = await Promise.all([
      sender ? senderAverage(account, sender) : { average: null, count: 0 },
      method === "graham"
        ? store.counts(tokens).then((counts) => classifyTokens(tokens, (t): TokenCounts | undefined => counts.get(t), corpus, { interesting, threshold: grahamThreshold }))
        : null,
      // Bounded by SPAM_DNSBL_TIMEOUT_MS and cached: a slow list delays a judgement, never a page.
      dnsblHits(originatingIp(message)),
    ]);
    const learner = weights ? (opts.explain ? explainScore(weights, tokens) : scoreTokens(weights, tokens)) : null;
    const hits = [...(opts.rules ?? applyRules(message)), ...blocklisted];
    // The default learner weighs each rule by what it learned (from the hand-set points up or down).
    const rules = weights && LOGISTIC_DEFAULTS.ruleRate ? learnedRules(weights, hits) : hits;
    const list = sender ? listVerdict(sender, entries) : null;
    const probability = bayes?.probability ?? learner?.probability ?? 0.5;
    const decision = decide({ probability, trained, rules, list, senderAverage: senderHistory.average, awlFactor, threshold, unsureThreshold });
    return {
      ...decision,
      threshold,
      unsureThreshold,
      method,
      trained,
      corpus,
      bayes,
      learner,
      rules,
      sender,
      senderHistory,
      awlFactor,
      list,
      auth: readSenderAuth(message),
    };
  };
}

/** Judges one message for an account (`account` = spamAccount(email)), with the evidence named.
 * Reads only; nothing is recorded. */
export async function evaluateMessage(account: string, message: SpamMessage, tokens: string[] = tokenize(message), rules?: RuleHit[], settings?: StoredSettings): Promise<SpamReport> {
  return (await spamJudge(account, { settings }))(message, tokens, { explain: true, rules });
}
