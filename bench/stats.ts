/** Latency summary of one series of samples, in milliseconds. */
export type Summary = { n: number; p50: number; p95: number; p99: number; mean: number; min: number; max: number };

/** Nearest-rank percentile: with few samples it reports a value that was really observed. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function summarize(samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const sum = sorted.reduce((a, b) => a + b, 0);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    mean: sorted.length ? sum / sorted.length : Number.NaN,
    min: sorted[0] ?? Number.NaN,
    max: sorted[sorted.length - 1] ?? Number.NaN,
  };
}

/** Milliseconds `fn` takes. */
export async function timeIt(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

export type Contender = { name: string; run: () => Promise<unknown> };

/**
 * Times several contenders in alternation (A B C A B C ...) after a warm-up, so that a burst of
 * noise on a shared machine hits all of them alike and their ratio stays meaningful even when
 * the absolute numbers do not.
 */
export async function interleave(
  contenders: Contender[],
  opts: { warmup: number; iterations: number },
): Promise<Record<string, Summary>> {
  for (let i = 0; i < opts.warmup; i++) for (const c of contenders) await c.run();
  const samples = new Map<string, number[]>(contenders.map((c) => [c.name, []]));
  for (let i = 0; i < opts.iterations; i++) {
    for (const c of contenders) samples.get(c.name)!.push(await timeIt(c.run));
  }
  return Object.fromEntries([...samples].map(([name, s]) => [name, summarize(s)]));
}
