// Paul Graham's Bayesian spam filter ("A Plan for Spam", 2002), the arithmetic only: token
// counts in, probabilities out. Where they come from is token-store.ts's business.

/** How often a token was seen in spam and in good mail (occurrences, not messages). */
export type TokenCounts = { spam: number; ham: number };
/** How many messages were learned as spam (nbad) and as good mail (ngood). */
export type CorpusSize = { spamMessages: number; hamMessages: number };

export type GrahamOptions = {
  /** How many of the message's tokens decide: the most interesting ones (Graham: 15). */
  interesting: number;
  /** Spam when the combined probability is above this (Graham: 0.9). */
  threshold: number;
};

export const GRAHAM_DEFAULTS: GrahamOptions = { interesting: 15, threshold: 0.9 };

/** Tokens seen fewer times than this in total are too rare to judge by. */
export const MIN_OCCURRENCES = 5;
/** A token never seen (or too rare) is slightly innocent: new words are more often in good mail. */
export const UNKNOWN_TOKEN_PROBABILITY = 0.4;

/**
 * The probability that a message containing this token is spam, as in "A Plan for Spam":
 *
 *     (let ((g (* 2 (or (gethash word good) 0)))
 *           (b (or (gethash word bad) 0)))
 *        (unless (< (+ g b) 5)
 *          (max .01 (min .99 (float (/ (min 1 (/ b nbad))
 *                                      (+ (min 1 (/ g ngood)) (min 1 (/ b nbad)))))))))
 *
 * Good occurrences count twice, to bias against false positives. Each side's rate is capped at 1
 * (the `min 1`): counts are occurrences, so a word written many times per message (HTML tag
 * words, a list's footer) would otherwise weigh as if it were in more messages than there are;
 * capped, a word in nearly every message of both kinds comes out near .5, uninteresting. One
 * deliberate difference: the 5-occurrence minimum counts good occurrences once, not twice (the
 * essay's (+ g b) with g doubled); measured on the SpamAssassin corpus, doubling them let words
 * seen only 3 times in good mail decide at .01 and cost 3.6 points of spam caught for the same
 * false positives on ordinary good mail (BENCHMARKS.md). Returns null below the minimum: such
 * tokens are treated as unknown. An empty corpus side counts as one message, which avoids
 * dividing by zero without changing any ratio that can be computed.
 */
export function tokenProbability(counts: TokenCounts, corpus: CorpusSize): number | null {
  const g = 2 * counts.ham;
  const b = counts.spam;
  if (counts.ham + b < MIN_OCCURRENCES) return null;
  const bad = Math.min(1, b / Math.max(1, corpus.spamMessages));
  const good = Math.min(1, g / Math.max(1, corpus.hamMessages));
  return Math.min(0.99, Math.max(0.01, bad / (good + bad)));
}

/** P = ∏p / (∏p + ∏(1 − p)): the probabilities combined as independent evidence (Bayes' rule). */
export function combineProbabilities(probabilities: number[]): number {
  let spam = 1;
  let ham = 1;
  for (const p of probabilities) {
    spam *= p;
    ham *= 1 - p;
  }
  return spam / (spam + ham);
}

/** `seen`: how often the token was seen in training (spam + good occurrences). */
export type TokenEvidence = { token: string; probability: number; known: boolean; seen: number };

/**
 * The `count` tokens whose probability is farthest from 0.5, each token once however often the
 * message repeats it. Ties are common (every clamped token is .01 or .99) and go to the token
 * seen more often in training, the better-founded evidence; then to the first in code-point order,
 * so a verdict never depends on the order in which words happened to appear.
 */
export function mostInteresting(evidence: TokenEvidence[], count: number): TokenEvidence[] {
  return [...evidence]
    .sort(
      (a, b) =>
        Math.abs(b.probability - 0.5) - Math.abs(a.probability - 0.5) || b.seen - a.seen || (a.token < b.token ? -1 : a.token > b.token ? 1 : 0),
    )
    .slice(0, count);
}

export type BayesResult = {
  /** Combined probability that the message is spam. */
  probability: number;
  isSpam: boolean;
  /** The tokens that decided, most interesting first. */
  tokens: TokenEvidence[];
};

/** Graham's verdict on a message's tokens, given each distinct token's counts. */
export function classifyTokens(
  tokens: Iterable<string>,
  countsOf: (token: string) => TokenCounts | undefined,
  corpus: CorpusSize,
  options: GrahamOptions = GRAHAM_DEFAULTS,
): BayesResult {
  const evidence: TokenEvidence[] = [];
  for (const token of new Set(tokens)) {
    const counts = countsOf(token);
    const p = counts ? tokenProbability(counts, corpus) : null;
    evidence.push({ token, probability: p ?? UNKNOWN_TOKEN_PROBABILITY, known: p !== null, seen: p === null ? 0 : counts!.spam + counts!.ham });
  }
  const decisive = mostInteresting(evidence, options.interesting);
  const probability = decisive.length ? combineProbabilities(decisive.map((e) => e.probability)) : UNKNOWN_TOKEN_PROBABILITY;
  return { probability, isSpam: probability > options.threshold, tokens: decisive };
}

/** Occurrences of each token: what one message adds to (or takes from) the counts. */
export function countTokens(tokens: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of tokens) counts.set(t, (counts.get(t) ?? 0) + 1);
  return counts;
}
