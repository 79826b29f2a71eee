import { describe, expect, it } from "vitest";
import { classifyTokens, combineProbabilities, countTokens, mostInteresting, tokenProbability, UNKNOWN_TOKEN_PROBABILITY } from "./graham";

describe("tokenProbability", () => {
  it("follows p = (b/nbad) / (2g/ngood + b/nbad) on hand-worked numbers", () => {
    // b = 10 of nbad = 100, g = 5 of ngood = 200: 0.1 / (0.05 + 0.1) = 2/3
    expect(tokenProbability({ spam: 10, ham: 5 }, { spamMessages: 100, hamMessages: 200 })).toBeCloseTo(2 / 3, 12);
    // b = 3, nbad = 10, g = 3, ngood = 10: 0.3 / (0.6 + 0.3) = 1/3: good mail counts double
    expect(tokenProbability({ spam: 3, ham: 3 }, { spamMessages: 10, hamMessages: 10 })).toBeCloseTo(1 / 3, 12);
  });

  it("caps each side's rate at 1 message (Graham's (min 1 (/ b nbad))), since counts are occurrences", () => {
    // b = 30 in nbad = 10 → min(1, 3) = 1; g = 2·10 = 20 in ngood = 10 → min(1, 2) = 1: 1 / (1 + 1) = .5
    expect(tokenProbability({ spam: 30, ham: 10 }, { spamMessages: 10, hamMessages: 10 })).toBe(0.5);
    // b = 30 in nbad = 10 → 1; g = 2·2 = 4 in ngood = 10 → .4: 1 / 1.4 = 5/7 (uncapped: 3 / 3.4)
    expect(tokenProbability({ spam: 30, ham: 2 }, { spamMessages: 10, hamMessages: 10 })).toBeCloseTo(5 / 7, 12);
  });

  it("clamps to .01 and .99", () => {
    expect(tokenProbability({ spam: 50, ham: 0 }, { spamMessages: 10, hamMessages: 10 })).toBe(0.99);
    expect(tokenProbability({ spam: 0, ham: 50 }, { spamMessages: 10, hamMessages: 10 })).toBe(0.01);
  });

  it("ignores tokens seen fewer than 5 times in total", () => {
    expect(tokenProbability({ spam: 2, ham: 2 }, { spamMessages: 10, hamMessages: 10 })).toBeNull();
    expect(tokenProbability({ spam: 4, ham: 1 }, { spamMessages: 10, hamMessages: 10 })).not.toBeNull();
  });

  it("treats an empty side of the corpus as one message instead of dividing by zero", () => {
    expect(tokenProbability({ spam: 5, ham: 0 }, { spamMessages: 1, hamMessages: 0 })).toBe(0.99);
  });
});

describe("combineProbabilities", () => {
  it("is ∏p / (∏p + ∏(1−p))", () => {
    // 0.99·0.9·0.2 = 0.1782; 0.01·0.1·0.8 = 0.0008; 0.1782 / 0.179 = 0.99553...
    expect(combineProbabilities([0.99, 0.9, 0.2])).toBeCloseTo(0.1782 / 0.179, 12);
    expect(combineProbabilities([0.5, 0.5])).toBe(0.5);
    expect(combineProbabilities([0.4])).toBeCloseTo(0.4, 12);
  });
});

describe("mostInteresting", () => {
  it("takes the tokens farthest from 0.5", () => {
    const picked = mostInteresting(
      [
        { token: "b", probability: 0.99, known: true, seen: 9 },
        { token: "c", probability: 0.45, known: true, seen: 9 },
        { token: "a", probability: 0.02, known: true, seen: 9 },
        { token: "d", probability: 0.8, known: true, seen: 9 },
      ],
      3,
    );
    expect(picked.map((e) => e.token)).toEqual(["b", "a", "d"]);
  });

  it("breaks ties by how often a token was seen, then in code-point order", () => {
    const picked = mostInteresting(
      [
        { token: "z", probability: 0.01, known: true, seen: 5 },
        { token: "y", probability: 0.99, known: true, seen: 50 },
        { token: "b", probability: 0.99, known: true, seen: 5 },
        { token: "a", probability: 0.01, known: true, seen: 5 },
      ],
      4,
    );
    expect(picked.map((e) => e.token)).toEqual(["y", "a", "b", "z"]);
  });
});

describe("classifyTokens", () => {
  const counts = new Map([
    ["viagra", { spam: 40, ham: 0 }],
    ["meeting", { spam: 0, ham: 30 }],
    ["rare", { spam: 1, ham: 0 }],
  ]);
  const corpus = { spamMessages: 20, hamMessages: 20 };

  it("gives unknown and too-rare tokens 0.4 and decides with the 15 most interesting, each once", () => {
    const r = classifyTokens(["viagra", "viagra", "rare", "new"], (t) => counts.get(t), corpus);
    expect(r.tokens).toEqual([
      { token: "viagra", probability: 0.99, known: true, seen: 40 },
      { token: "new", probability: UNKNOWN_TOKEN_PROBABILITY, known: false, seen: 0 },
      { token: "rare", probability: UNKNOWN_TOKEN_PROBABILITY, known: false, seen: 0 },
    ]);
    // 0.99·0.4·0.4 / (0.99·0.4·0.4 + 0.01·0.6·0.6) = 0.1584 / 0.162 = 0.977...
    expect(r.probability).toBeCloseTo(0.1584 / 0.162, 12);
    expect(r.isSpam).toBe(true);
  });

  it("calls a message spam only above the threshold", () => {
    const r = classifyTokens(["viagra", "meeting"], (t) => counts.get(t), corpus);
    expect(r.probability).toBeCloseTo(0.5, 12);
    expect(r.isSpam).toBe(false);
    expect(classifyTokens(["viagra", "new"], (t) => counts.get(t), corpus, { interesting: 15, threshold: 0.995 }).isSpam).toBe(false);
  });

  it("looks at no more tokens than asked", () => {
    expect(classifyTokens(["viagra", "meeting", "x"], (t) => counts.get(t), corpus, { interesting: 1, threshold: 0.9 }).tokens).toHaveLength(1);
  });
});

describe("countTokens", () => {
  it("counts occurrences", () => {
    expect([...countTokens(["a", "b", "a"])]).toEqual([["a", 2], ["b", 1]]);
  });
});
