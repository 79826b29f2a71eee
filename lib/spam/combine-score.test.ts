import { describe, expect, it } from "vitest";
import { autoWhitelist, combineScore } from "./combine-score";
import { decide } from "./evaluate-message";

describe("autoWhitelist", () => {
  it("moves the score toward the sender's average: score + (average − score) · factor", () => {
    // 0.95 + (0.05 − 0.95) · 0.5 = 0.5
    expect(autoWhitelist(0.95, 0.05, 0.5)).toBeCloseTo(0.5, 12);
    // 0.2 + (0.8 − 0.2) · 0.5 = 0.5
    expect(autoWhitelist(0.2, 0.8, 0.5)).toBeCloseTo(0.5, 12);
    // 0.6 + (0.1 − 0.6) · 0.25 = 0.475
    expect(autoWhitelist(0.6, 0.1, 0.25)).toBeCloseTo(0.475, 12);
  });

  it("leaves a first message from a sender, or factor 0, alone", () => {
    expect(autoWhitelist(0.7, null, 0.5)).toBe(0.7);
    expect(autoWhitelist(0.7, 0.1, 0)).toBe(0.7);
  });
});

describe("combineScore", () => {
  it("is the Bayes probability when no rule matched", () => {
    expect(combineScore(0.8, 0)).toBeCloseTo(0.8, 12);
  });

  it("doubles the odds per point", () => {
    // P = 0.5 (odds 1), 3 points: odds 8, score 8/9
    expect(combineScore(0.5, 3)).toBeCloseTo(8 / 9, 12);
    // P = 0.9 (odds 9), −1 point: odds 4.5, score 4.5/5.5
    expect(combineScore(0.9, -1)).toBeCloseTo(4.5 / 5.5, 12);
  });

  it("keeps a certain Bayes verdict finite", () => {
    expect(combineScore(1, 0)).toBeLessThan(1);
    expect(combineScore(0, 0)).toBeGreaterThan(0);
  });
});

describe("decide", () => {
  const base = { probability: 0.99, trained: true, rules: [], list: null, senderAverage: null, awlFactor: 0.5, threshold: 0.9 };

  it("calls a message between the two cut-offs unsure, never an untrained filter's 0.5", () => {
    expect(decide({ ...base, probability: 0.5, unsureThreshold: 0.2 })).toMatchObject({ isSpam: false, unsure: true });
    expect(decide({ ...base, probability: 0.1, unsureThreshold: 0.2 })).toMatchObject({ isSpam: false, unsure: false });
    expect(decide({ ...base, probability: 0.99, unsureThreshold: 0.2 })).toMatchObject({ isSpam: true, unsure: false });
    expect(decide({ ...base, trained: false, unsureThreshold: 0.2 }).unsure).toBe(false);
  });

  it("calls spam above the threshold", () => {
    expect(decide(base)).toMatchObject({ isSpam: true, rulePoints: 0 });
    expect(decide({ ...base, threshold: 0.995 }).isSpam).toBe(false);
  });

  it("ignores Bayes until the filter is trained; rules still count", () => {
    expect(decide({ ...base, trained: false }).score).toBeCloseTo(0.5, 12);
    expect(decide({ ...base, trained: false, rules: [{ rule: "X", points: 4, description: "" }] }).isSpam).toBe(true);
  });

  it("lets a good sender's history pull a spam-looking message below the threshold", () => {
    const d = decide({ ...base, senderAverage: 0.01 });
    expect(d.contentScore).toBeCloseTo(0.99, 12);
    expect(d.score).toBeCloseTo(0.5, 12);
    expect(d.isSpam).toBe(false);
  });

  it("obeys the lists over everything else", () => {
    expect(decide({ ...base, list: { kind: "allow", pattern: "x.example" } })).toMatchObject({ score: 0, isSpam: false });
    expect(decide({ ...base, probability: 0.01, list: { kind: "block", pattern: "x.example" } })).toMatchObject({ score: 1, isSpam: true });
  });
});
