// Measures read off scores (higher = spammier) with their true labels.

export type Scored = { score: number; label: "spam" | "ham" };

/** 1 − area under the ROC curve: the chance that a random good message scores above a random
 * spam (ties count half). */
export function oneMinusRocArea(scored: Scored[]): number {
  const sorted = [...scored].sort((a, b) => a.score - b.score);
  const nSpam = scored.filter((s) => s.label === "spam").length;
  const nHam = scored.length - nSpam;
  if (!nSpam || !nHam) return NaN;
  // Mann-Whitney U with average ranks for ties.
  let rankSum = 0;
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j < sorted.length && sorted[j].score === sorted[i].score) j++;
    const avg = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) if (sorted[k].label === "spam") rankSum += avg;
    i = j;
  }
  const auc = (rankSum - (nSpam * (nSpam + 1)) / 2) / (nSpam * nHam);
  return 1 - auc;
}

/** Spam caught at the strictest cut that lets at most `maxFpRate` of good mail through as spam. */
export function caughtAtFpRate(scored: Scored[], maxFpRate: number): { caught: number; spam: number; fp: number } {
  const ham = scored.filter((s) => s.label === "ham").map((s) => s.score).sort((a, b) => b - a);
  const spam = scored.filter((s) => s.label === "spam").map((s) => s.score);
  const allowed = Math.floor(maxFpRate * ham.length);
  const cut = allowed < ham.length ? ham[allowed] : -Infinity; // spam when strictly above
  return { caught: spam.filter((s) => s > cut).length, spam: spam.length, fp: ham.filter((s) => s > cut).length };
}

/** A score with `fraction` of `values` strictly above it (cut points for thresholds). */
export function cutAbove(values: number[], count: number): number {
  const sorted = [...values].sort((a, b) => b - a);
  return count < sorted.length ? sorted[count] : -Infinity;
}
