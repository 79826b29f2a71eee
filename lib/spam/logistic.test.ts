import { describe, expect, it } from "vitest";
import { featureSlots } from "./feature-hash";
import { messageFeatures, messageSlots, pairName } from "./features";
import { applyStep, denseWeights, learnMessage, logOdds, probability, trainModel } from "./logistic";
import { loadedWeights } from "./weight-store";
import { explainScore } from "./learner";

const spamWords = ["Subject*CHEAP", "Subject*pills", "buy", "cheap", "pills", "now", "Url*pills"];
const hamWords = ["Subject*Project", "Subject*meeting", "notes", "from", "the", "meeting", "schedule"];
const slots = (tokens: string[]) => featureSlots(messageFeatures(tokens), 16);

describe("messageFeatures", () => {
  it("pairs each word with the next four of the same part, the gap in the name", () => {
    const f = messageFeatures(["Subject*FREE", "Subject*money", "click", "here", "to", "win", "big", "now"]);
    expect(f.has(pairName("Subject*FREE", 0, "Subject*money"))).toBe(true);
    expect(f.has(pairName("click", 0, "here"))).toBe(true);
    expect(f.has(pairName("click", 3, "big"))).toBe(true);
    expect(f.has(pairName("click", 4, "now"))).toBe(false); // beyond the window of 5
    expect(f.has(pairName("Subject*money", 0, "click"))).toBe(false); // a header word and a body word
    expect(f.has("win")).toBe(true);
  });
});

describe("messageSlots", () => {
  it("hashes to exactly the slots of the named features, in the same order (stored weights stay valid)", () => {
    const words = ["Subject*Grüße", "Subject*ไทย", "click", "here", "click", "€100", "😀", "", "Url*x.example", "now"];
    for (const bits of [16, 20]) expect(messageSlots(words, bits)).toEqual(featureSlots(messageFeatures(words), bits));
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) >>> 0) % 97).toString(36) + (seed % 3 ? "" : "*w");
    const many = Array.from({ length: 5000 }, random);
    expect(messageSlots(many, 20)).toEqual(featureSlots(messageFeatures(many), 20));
  });
});

describe("logistic regression", () => {
  it("learns from clicks: spam words push the log-odds up, good words down", () => {
    const w = denseWeights(16);
    for (let i = 0; i < 3; i++) {
      learnMessage(w, slots(spamWords), "spam", { rate: 8, ruleRate: 0 });
      learnMessage(w, slots(hamWords), "ham", { rate: 8, ruleRate: 0 });
    }
    expect(probability(logOdds(w, slots([...spamWords, "offer"])))).toBeGreaterThan(0.9);
    expect(probability(logOdds(w, slots([...hamWords, "agenda"])))).toBeLessThan(0.1);
  });

  it("undo takes back exactly the step a click took", () => {
    const w = denseWeights(16);
    learnMessage(w, slots(hamWords), "ham", { rate: 8, ruleRate: 0 });
    const before = logOdds(w, slots(spamWords));
    const step = learnMessage(w, slots(spamWords), "spam", { rate: 8, ruleRate: 0 });
    expect(logOdds(w, slots(spamWords))).toBeGreaterThan(before + 1);
    applyStep(w, slots(spamWords), -step);
    expect(logOdds(w, slots(spamWords))).toBeCloseTo(before, 4);
  });

  it("batch training does not depend on the order of the folders (good mail first, then spam)", () => {
    const samples = [
      ...Array.from({ length: 20 }, () => ({ slots: slots(hamWords), label: "ham" as const })),
      ...Array.from({ length: 20 }, () => ({ slots: slots(spamWords), label: "spam" as const })),
    ];
    const w = denseWeights(16);
    trainModel(w, samples, { rate: 8, epochs: 3, ruleRate: 0 });
    expect(logOdds(w, slots(hamWords))).toBeLessThan(-2);
    expect(logOdds(w, slots(spamWords))).toBeGreaterThan(2);
  });

  it("TONE passes learn only the messages scored within the margin of the wrong side", () => {
    const samples = [
      ...Array.from({ length: 20 }, () => ({ slots: slots(hamWords), label: "ham" as const })),
      ...Array.from({ length: 20 }, () => ({ slots: slots(spamWords), label: "spam" as const })),
    ];
    // nothing learned yet: every message scores 0, not below a margin of 0, so none is learned
    expect([...trainModel(denseWeights(16), samples, { rate: 8, epochs: 0, ruleRate: 0, tonePasses: 1, toneMargin: 0 })].every((s) => s === 0)).toBe(true);
    // after full passes the two kinds are far apart: a margin of 1 leaves them alone too
    const w = denseWeights(16);
    const full = trainModel(w, samples, { rate: 8, epochs: 3, ruleRate: 0 });
    const withTone = trainModel(denseWeights(16), samples, { rate: 8, epochs: 3, ruleRate: 0, tonePasses: 2, toneMargin: 1 });
    expect([...withTone]).toEqual([...full]);
    // a wide margin keeps learning the ones not yet sure
    const wide = trainModel(denseWeights(16), samples, { rate: 8, epochs: 3, ruleRate: 0, tonePasses: 1, toneMargin: 50 });
    expect(wide.some((s, i) => s !== full[i])).toBe(true);
  });

  it("stored weights take changes as deltas, and the explanation names the features that weighed most", () => {
    const w = loadedWeights(new Map());
    learnMessage(w, featureSlots(messageFeatures(spamWords), 20), "spam", { rate: 8, ruleRate: 0 });
    learnMessage(w, featureSlots(messageFeatures(hamWords), 20), "ham", { rate: 8, ruleRate: 0 });
    expect(w.changes.size).toBeGreaterThan(10);
    const why = explainScore(w, spamWords);
    expect(why.probability).toBeGreaterThan(0.5);
    expect(why.evidence[0].contribution).toBeGreaterThan(0);
    expect(spamWords.some((t) => why.evidence.some((e) => e.feature === t))).toBe(true);
  });
});
