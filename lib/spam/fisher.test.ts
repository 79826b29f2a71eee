import { describe, expect, it } from "vitest";
import { chi2Q, fisherScore, robinsonF } from "./fisher";

describe("Robinson-Fisher", () => {
  it("chi2Q is a probability: 1 at 0, falling with x², the known value for 2 degrees of freedom", () => {
    expect(chi2Q(0, 4)).toBeCloseTo(1, 12);
    expect(chi2Q(2, 2)).toBeCloseTo(Math.exp(-1), 12);
    expect(chi2Q(40, 4)).toBeLessThan(1e-6);
  });

  it("pulls a rarely seen token toward the prior, and combines clues into spam / good / unsure", () => {
    expect(robinsonF({ spam: 1, ham: 0 }, 10, 10)).toBeLessThan(robinsonF({ spam: 10, ham: 0 }, 10, 10));
    expect(fisherScore([0.99, 0.98, 0.95])).toBeGreaterThan(0.9);
    expect(fisherScore([0.01, 0.02, 0.05])).toBeLessThan(0.1);
    expect(fisherScore([0.99, 0.01])).toBeCloseTo(0.5, 1);
    expect(fisherScore([])).toBe(0.5);
  });
});
