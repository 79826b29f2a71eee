import { DEFAULT_BITS } from "./feature-hash";
import type { RuleHit } from "./heuristics";
import { learnRuleStep, ruleLogOdds } from "./rule-weights";

// The default learner: online logistic regression over hashed binary features (features.ts,
// feature-hash.ts), the method of the strongest filters of the TREC spam tracks (Goodman & Yih
// 2006, Sculley & Wachman 2007). A weight per feature slot; the score is the log-odds that the
// message is spam. Where the weights live is the caller's business (weight-store.ts in the
// database, a dense array in the benchmark).

/** Weights by slot; slot 0 is the bias. Unknown slots weigh 0. */
export type WeightTable = { get(slot: number): number; add(slot: number, delta: number): void };

export type LogisticOptions = {
  /** Step size of a gradient update. Features are scaled by 1/√n (n features in the message), so
   * one step moves that message's log-odds by `rate`·(y − p), whatever its length. */
  rate: number;
  /** Passes over the messages when many are learned at once (bootstrap). */
  epochs: number;
  /** Step size of the rules' learned weights (rule-weights.ts): a rule is one unscaled feature, so
   * one step moves its weight by `ruleRate`·(y − p). 0: the hand-set points, never learned. */
  ruleRate: number;
  /** TONE, "train on or near error" (Sculley & Wachman 2007): after the full passes, this many more
   * that learn only the messages scored less than `toneMargin` (log-odds) on the right side. */
  tonePasses?: number;
  toneMargin?: number;
};

/** Chosen on the training half of the benchmark corpus only, by the lowest mean of 5-fold CV,
 * rolling-origin and online-by-date 1 − ROC area (bench/spam/run.ts; BENCHMARKS.md "Spam learners
 * compared", third round): one pass, the rules' set points added afterwards. Learned rule weights
 * (`ruleRate` 0.2) and TONE passes won with OSB pairs but not over the words alone: off. */
export const LOGISTIC_DEFAULTS: LogisticOptions = { rate: 8, epochs: 1, ruleRate: 0, tonePasses: 0, toneMargin: 3 };
export { DEFAULT_BITS };

const BIAS = 0;
/** The bias learns slower than the words: it should carry the mix of spam and good mail, not the
 * last message's label. */
const BIAS_RATE = 0.1;

export function denseWeights(bits = DEFAULT_BITS): WeightTable {
  const w = new Float32Array(1 << bits);
  return { get: (i) => w[i], add: (i, d) => void (w[i] += d) };
}

/** Log-odds that the message with these (distinct) slots is spam. */
export function logOdds(w: WeightTable, slots: Uint32Array): number {
  let sum = 0;
  for (let i = 0; i < slots.length; i++) sum += w.get(slots[i]);
  return w.get(BIAS) + (slots.length ? sum / Math.sqrt(slots.length) : 0);
}

export const probability = (odds: number) => 1 / (1 + Math.exp(-odds));

/** Log-odds of the message's words and the rules it hit (their learned weights). */
export const messageLogOdds = (w: WeightTable, slots: Uint32Array, rules: RuleHit[] = []) => logOdds(w, slots) + ruleLogOdds(w, rules);

/** One gradient step of the log-loss toward `label`, for the words and (at `ruleRate`) the rules
 * the message hit. With `ruleRate` 0 the rules are not the learner's: it learns the words alone
 * and the rules' set points are added to its verdict afterwards (combine-score.ts). Returns the
 * step taken (in log-odds), which is what forgetting the message later takes back exactly
 * (forgetMessage). */
export function learnMessage(
  w: WeightTable,
  slots: Uint32Array,
  label: "spam" | "ham",
  options: Pick<LogisticOptions, "rate" | "ruleRate">,
  rules: RuleHit[] = [],
): number {
  const y = label === "spam" ? 1 : 0;
  const step = options.rate * (y - probability(messageLogOdds(w, slots, options.ruleRate ? rules : [])));
  applyStep(w, slots, step);
  if (rules.length && options.ruleRate) learnRuleStep(w, rules, (step * options.ruleRate) / options.rate);
  return step;
}

/** Takes back a message's learned `step` (learnMessage's return, summed over passes). */
export function forgetMessage(w: WeightTable, slots: Uint32Array, step: number, options: Pick<LogisticOptions, "rate" | "ruleRate">, rules: RuleHit[] = []): void {
  applyStep(w, slots, -step);
  if (rules.length && options.ruleRate) learnRuleStep(w, rules, (-step * options.ruleRate) / options.rate);
}

/** Moves the message's features (and the bias) by `step`: a learned step, or its negative to undo
 * it. Undoing is exact for these features' own share; what later messages learned stays. */
export function applyStep(w: WeightTable, slots: Uint32Array, step: number): void {
  const scaled = slots.length ? step / Math.sqrt(slots.length) : 0;
  for (let i = 0; i < slots.length; i++) w.add(slots[i], scaled);
  w.add(BIAS, step * BIAS_RATE);
}

/** The samples in a fixed pseudo-random order (xorshift, seeded): an online pass over "all good
 * mail, then all spam" (a bootstrap's folder order) would end with a model that forgot the first. */
export function shuffledOrder(count: number, seed: number): number[] {
  const order = Array.from({ length: count }, (_, i) => i);
  let x = (seed * 2654435761) >>> 0 || 1;
  for (let i = count - 1; i > 0; i--) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    const j = x % (i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

export type TrainingSample = { slots: Uint32Array; label: "spam" | "ham"; rules?: RuleHit[] };

/** Many messages at once (bootstrap, benchmark): `epochs` online passes, each in its own fixed
 * shuffled order. Returns each sample's summed steps (to forget it later). */
export function trainModel(w: WeightTable, samples: TrainingSample[], options: LogisticOptions = LOGISTIC_DEFAULTS): Float64Array {
  const steps = new Float64Array(samples.length);
  for (let e = 0; e < options.epochs; e++) {
    for (const i of shuffledOrder(samples.length, e + 1)) steps[i] += learnMessage(w, samples[i].slots, samples[i].label, options, samples[i].rules);
  }
  for (let e = 0; e < (options.tonePasses ?? 0); e++) {
    for (const i of shuffledOrder(samples.length, 100 + e)) {
      const s = samples[i];
      const margin = (s.label === "spam" ? 1 : -1) * messageLogOdds(w, s.slots, options.ruleRate ? s.rules : []);
      if (margin < (options.toneMargin ?? 0)) steps[i] += learnMessage(w, s.slots, s.label, options, s.rules);
    }
  }
  return steps;
}
