// Gary Robinson's f(w) with Fisher's chi-square combining ("A statistical approach to the spam
// problem", 2003), as SpamBayes does it: what the benchmark compares the default learner with.
// Counts are messages (a token counted once per message), not occurrences.

export type DocCounts = { spam: number; ham: number };
export type FisherOptions = { strength: number; prior: number; minDeviation: number; maxClues: number };
/** SpamBayes' defaults: s = 0.45, x = 0.5, clues at least 0.1 from 0.5, at most 150 of them. */
export const FISHER_DEFAULTS: FisherOptions = { strength: 0.45, prior: 0.5, minDeviation: 0.1, maxClues: 150 };

/** Robinson's f(w): the token's spam ratio pulled toward `prior` when it was seen rarely. */
export function robinsonF(c: DocCounts, nSpam: number, nHam: number, o: FisherOptions = FISHER_DEFAULTS): number {
  const b = c.spam / Math.max(1, nSpam);
  const g = c.ham / Math.max(1, nHam);
  const p = b + g > 0 ? b / (b + g) : o.prior;
  const n = c.spam + c.ham;
  return (o.strength * o.prior + n * p) / (o.strength + n);
}

/** P(χ² ≥ x2) with v (even) degrees of freedom. */
export function chi2Q(x2: number, v: number): number {
  const m = x2 / 2;
  let term = Math.exp(-m);
  let sum = term;
  for (let i = 1; i < v / 2; i++) {
    term *= m / i;
    sum += term;
  }
  return Math.min(sum, 1);
}

/** Fisher-combined indicator in [0, 1]: near 1 spam, near 0 good, near 0.5 unsure (or both). */
export function fisherScore(fs: number[], o: FisherOptions = FISHER_DEFAULTS): number {
  const clues = fs
    .filter((f) => Math.abs(f - 0.5) >= o.minDeviation)
    .sort((a, b) => Math.abs(b - 0.5) - Math.abs(a - 0.5))
    .slice(0, o.maxClues);
  if (!clues.length) return 0.5;
  // SpamBayes' names: H from ∏f (near 0 when many clues say spam), S from ∏(1 − f).
  let lnProduct = 0;
  let lnComplement = 0;
  for (const f of clues) {
    lnProduct += Math.log(Math.max(f, 1e-300));
    lnComplement += Math.log(Math.max(1 - f, 1e-300));
  }
  const h = 1 - chi2Q(-2 * lnProduct, 2 * clues.length);
  const s = 1 - chi2Q(-2 * lnComplement, 2 * clues.length);
  return (s - h + 1) / 2;
}
