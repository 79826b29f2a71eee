import { featureHash } from "./feature-hash";
import type { RuleHit } from "./heuristics";
import { learnerFeatures, learnerSlots } from "./features";
import { DEFAULT_BITS, LOGISTIC_DEFAULTS, logOdds, probability, trainModel, type WeightTable } from "./logistic";
import { denseCopy } from "./sparse-model";
import { dbWeightStore, MAX_WEIGHTS } from "./weight-store";

// The default learner as Postern runs it per account: features of the message's tokens, weights
// from the database. Pure parts (which evidence decided) are apart from the store's I/O.

/** A feature that moved the score, and by how much (in log-odds: + toward spam). */
export type LearnerEvidence = { feature: string; contribution: number };
export type LearnerResult = { logOdds: number; probability: number; evidence: LearnerEvidence[]; features: number };

/** How many pieces of evidence the "Why?" panel lists, toward spam and toward good mail. */
export const EVIDENCE_TOWARD_SPAM = 8;
export const EVIDENCE_TOWARD_GOOD = 4;

const MASK = (1 << DEFAULT_BITS) - 1;
export const slotsOf = (tokens: string[]) => learnerSlots(tokens, DEFAULT_BITS);

/** The learner's verdict alone: what filing needs, without naming the evidence. */
export function scoreTokens(weights: WeightTable, tokens: string[]): LearnerResult {
  const slots = slotsOf(tokens);
  const odds = logOdds(weights, slots);
  return { logOdds: odds, probability: probability(odds), evidence: [], features: slots.length };
}

/** The learner's verdict with the features that weighed most, either way. */
export function explainScore(weights: WeightTable, tokens: string[]): LearnerResult {
  const features = learnerFeatures(tokens);
  const bySlot = new Map<number, string>();
  for (const f of features) {
    const slot = featureHash(f) & MASK;
    // Two features in one slot share a weight: name the shorter (the single word, usually).
    const had = bySlot.get(slot);
    if (had === undefined || f.length < had.length) bySlot.set(slot, f);
  }
  const slots = Uint32Array.from(bySlot.keys());
  const odds = logOdds(weights, slots);
  const scale = slots.length ? 1 / Math.sqrt(slots.length) : 0;
  const all = [...bySlot].map(([slot, feature]) => ({ feature, contribution: weights.get(slot) * scale }));
  const byName = (a: LearnerEvidence, b: LearnerEvidence) => (a.feature < b.feature ? -1 : 1);
  // Both sides, strongest first: what spoke for spam, then what spoke for good mail. A verdict
  // rests on many small weights, so one side's top list alone can hide the other entirely.
  const evidence = [
    ...all.filter((e) => e.contribution > 0).sort((a, b) => b.contribution - a.contribution || byName(a, b)).slice(0, EVIDENCE_TOWARD_SPAM),
    ...all.filter((e) => e.contribution < 0).sort((a, b) => a.contribution - b.contribution || byName(a, b)).slice(0, EVIDENCE_TOWARD_GOOD),
  ];
  return { logOdds: odds, probability: probability(odds), evidence, features: slots.length };
}


export type LearnedMessage = { tokens: string[]; label: "spam" | "ham"; rules?: RuleHit[] };

/**
 * Bootstrap: LOGISTIC_DEFAULTS.epochs shuffled passes over the messages with the account's stored
 * weights, one read and one write. Only the changed weights are written, as increments, so
 * training in another process meanwhile adds up. Returns each message's summed step (to forget
 * it exactly later).
 */
export async function trainLearner(account: string, messages: LearnedMessage[]): Promise<Float64Array> {
  if (!messages.length) return new Float64Array(0);
  const store = dbWeightStore(account);
  const samples = messages.map((m) => ({ label: m.label, slots: slotsOf(m.tokens), rules: m.rules }));
  // dense while learning: three passes over thousands of messages touch each weight many times
  const weights = denseCopy(await store.model(), DEFAULT_BITS);
  const steps = trainModel(weights, samples, LOGISTIC_DEFAULTS);
  await store.save({ changes: weights.changes() }, { prune: MAX_WEIGHTS });
  return steps;
}
