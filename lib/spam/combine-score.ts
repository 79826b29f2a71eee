// How Postern's spam score is made (documented in README "Spam filtering"):
//
// 1. Graham's probability P from the Bayesian filter (0.5, "no opinion", until the account has
//    learned at least one spam and one good message).
// 2. Rule points H (heuristics.ts, SpamAssassin style) shift P in log-odds: each point doubles the
//    odds that the message is spam, each negative point halves them:
//        logit(S) = logit(P) + H · ln 2
//    So rules decide when Bayes is unsure (P near 0.5: about 3.2 points take it past 0.9) and
//    barely move a confident verdict (P = 0.9999 needs −10 points to fall below 0.9).
// 3. The auto-whitelist moves S toward the sender's average: S' = S + (avg − S) · factor.
// 4. Spam when S' > threshold (0.9 by default). A whitelisted sender scores 0, a blacklisted one 1.

/** P is kept within these bounds before taking logits: Graham's P is often 1.0 in floating point. */
const P_FLOOR = 1e-6;

const logit = (p: number) => Math.log(p / (1 - p));
const logistic = (x: number) => 1 / (1 + Math.exp(-x));

export function combineScore(bayesProbability: number, rulePoints: number): number {
  const p = Math.min(1 - P_FLOOR, Math.max(P_FLOOR, bayesProbability));
  return logistic(logit(p) + rulePoints * Math.LN2);
}

/** The auto-whitelist step: score_new = score + (average_sender − score) · factor. */
export function autoWhitelist(score: number, senderAverage: number | null, factor: number): number {
  if (senderAverage === null) return score;
  return score + (senderAverage - score) * factor;
}
