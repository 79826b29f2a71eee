import { describe, expect, it } from "vitest";
import { featureSlots } from "./feature-hash";
import type { RuleHit } from "./heuristics";
import { denseWeights, forgetMessage, learnMessage, messageLogOdds, trainModel } from "./logistic";
import { learnedRules, ruleLogOdds, ruleSlot, ruleWeight } from "./rule-weights";

const caps: RuleHit = { rule: "SUBJ_ALL_CAPS", points: 1.5, description: "Subject is all capitals" };
const noDate: RuleHit = { rule: "MISSING_DATE", points: 0.5, description: "No Date header" };
const options = { rate: 8, ruleRate: 0.2 };
const words = (...w: string[]) => featureSlots(w, 16);

describe("learned rule weights", () => {
  it("an untrained learner weighs each rule by its hand-set points (each point doubles the odds)", () => {
    const w = denseWeights(20);
    expect(ruleLogOdds(w, [caps, noDate])).toBeCloseTo(2 * Math.LN2);
    expect(learnedRules(w, [caps])).toEqual([caps]);
  });

  it("a rule that good mail keeps hitting loses weight; one only spam hits gains", () => {
    const w = denseWeights(20);
    const samples = [
      ...Array.from({ length: 30 }, (_, i) => ({ slots: words("meeting", "agenda", `n${i}`), label: "ham" as const, rules: [caps] })),
      ...Array.from({ length: 30 }, (_, i) => ({ slots: words("cheap", "pills", `s${i}`), label: "spam" as const, rules: [caps, noDate] })),
    ];
    trainModel(w, samples, { ...options, epochs: 3 });
    expect(ruleWeight(w, caps)).toBeLessThan(1.5 * Math.LN2);
    expect(ruleWeight(w, noDate)).toBeGreaterThan(0.5 * Math.LN2);
    const [learned] = learnedRules(w, [caps]);
    expect(learned.setPoints).toBe(1.5);
    expect(learned.points).toBeCloseTo(ruleWeight(w, caps) / Math.LN2);
  });

  it("forgetting a message takes back exactly what it taught, rules included", () => {
    const w = denseWeights(20);
    learnMessage(w, words("hello", "friend"), "ham", options, [noDate]);
    const before = messageLogOdds(w, words("cheap", "pills"), [caps, noDate]);
    const slots = words("cheap", "pills");
    const step = learnMessage(w, slots, "spam", options, [caps, noDate]);
    expect(messageLogOdds(w, slots, [caps, noDate])).toBeGreaterThan(before);
    forgetMessage(w, slots, step, options, [caps, noDate]);
    expect(messageLogOdds(w, slots, [caps, noDate])).toBeCloseTo(before, 5);
  });

  it("a rule's learned weight lives at a slot no token names (tokens never hold ':')", () => {
    expect(ruleSlot("SUBJ_ALL_CAPS")).not.toBe(featureSlots(["SUBJ_ALL_CAPS"], 20)[0]);
    expect(ruleSlot("SUBJ_ALL_CAPS")).toBeLessThan(1 << 20);
  });
});
