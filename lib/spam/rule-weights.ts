import { DEFAULT_BITS, featureHash } from "./feature-hash";
import type { WeightTable } from "./logistic";
import type { RuleHit } from "./heuristics";

// Learned rule weights (issue 25): a rule's hand-set points are its prior, not its last word. Each
// rule the message hits is one more feature of the learner, unscaled (a rule is one fact, not one
// of a thousand words), whose weight starts at the hand-set points (each point doubles the odds:
// points · ln 2 in log-odds) and moves by what the user's mail shows. Its learned part lives in
// the learner's own table, at a slot no token can name (tokens never hold ":"), so it is stored,
// bounded and pruned with the rest. A rule the learner never saw hit (a blocklist, another
// filter's score) keeps its hand-set points.

/** Where a rule's learned offset lives in the learner's table. */
export const ruleSlot = (rule: string, bits = DEFAULT_BITS) => featureHash(`rule:${rule}`) & ((1 << bits) - 1);

/** The rule's weight in log-odds: its hand-set points (× `prior`: 1, or 0 to learn from nothing)
 * plus what was learned. */
export function ruleWeight(w: WeightTable, hit: RuleHit, prior = 1): number {
  return hit.points * Math.LN2 * prior + w.get(ruleSlot(hit.rule));
}

/** The rules' share of the message's log-odds. */
export function ruleLogOdds(w: WeightTable, hits: RuleHit[], prior = 1): number {
  let sum = 0;
  for (const h of hits) sum += ruleWeight(w, h, prior);
  return sum;
}

/** One gradient step for the rules the message hit: `step` = rule rate · (y − p). `decay` pulls the
 * learned part back toward the prior (L2 toward the hand-set points) each time the rule is seen. */
export function learnRuleStep(w: WeightTable, hits: RuleHit[], step: number, decay = 0): void {
  for (const rule of new Set(hits.map((h) => h.rule))) {
    const slot = ruleSlot(rule);
    w.add(slot, step - decay * w.get(slot));
  }
}

/** The hits with the points the learner weighs them by: hand-set points plus what was learned (in
 * points, each doubling the odds), the set ones kept to show beside them; a rule never learned
 * (no weight of its own yet) stays as set. Adding these points to the words' log-odds
 * (combine-score.ts) is the learner's own score for the message. */
export function learnedRules(w: WeightTable, hits: RuleHit[]): RuleHit[] {
  return hits.map((h) => {
    const learned = w.get(ruleSlot(h.rule));
    return learned ? { ...h, points: h.points + learned / Math.LN2, setPoints: h.points } : h;
  });
}
