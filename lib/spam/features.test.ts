import { describe, expect, it } from "vitest";
import { featureSlots } from "./feature-hash";
import { learnerFeatures, learnerSlots } from "./features";

describe("the default learner's features", () => {
  it("hashes to the same slots whether named (the panel) or not (filing)", () => {
    const tokens = ["Subject*FREE", "Subject*money", "click", "here", "to", "remove", "you", "click"];
    expect([...learnerSlots(tokens, 20)].sort()).toEqual([...featureSlots(learnerFeatures(tokens), 20)].sort());
    expect(learnerFeatures(tokens).has("click")).toBe(true);
  });
});
