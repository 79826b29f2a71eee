// The learners the benchmark compares, behind one interface. Each scores on its own scale
// (higher = spammier); thresholds are chosen per method by cross-validation (run.ts).
import { featureSlots } from "@/lib/spam/feature-hash";
import { messageFeatures } from "@/lib/spam/features";
import { fisherScore, robinsonF, type DocCounts } from "@/lib/spam/fisher";
import { classifyTokens, countTokens, GRAHAM_DEFAULTS } from "@/lib/spam/graham";
import { DEFAULT_BITS, denseWeights, learnMessage, logOdds, trainModel, type LogisticOptions } from "@/lib/spam/logistic";
import { addToDelta, emptyDelta, MemoryTokenStore } from "@/lib/spam/token-store";

export type Sample = {
  label: "spam" | "ham";
  name: string;
  tokens: string[];
  rulePoints: number;
  /** The Date header's time (0 when unreadable): the time-ordered validation sorts by it. */
  date: number;
  unigrams: Set<string>;
  features: Set<string>;
  slots: Uint32Array;
  unigramSlots: Uint32Array;
};

export function makeSample(label: "spam" | "ham", name: string, tokens: string[], rulePoints: number, date = 0): Sample {
  const unigrams = new Set(tokens);
  const features = messageFeatures(tokens);
  return { label, name, tokens, rulePoints, date, unigrams, features, slots: featureSlots(features, DEFAULT_BITS), unigramSlots: featureSlots(unigrams, DEFAULT_BITS) };
}

export type Learner = {
  train(samples: Sample[]): void;
  score(s: Sample): number;
  /** The same from the tokens alone, computing the method's own features (what a message costs). */
  scoreTokens(tokens: string[], rulePoints: number): number;
  /** One online update with the true label. */
  learn(s: Sample): void;
};

export type Method = {
  name: string;
  /** Where the method's own decision lies on its score scale (train-on-error uses it). */
  cut: number;
  create(): Learner;
};

const logit = (p: number) => Math.log(Math.max(1e-9, p) / Math.max(1e-9, 1 - p));

/** The same learner with the rule points (heuristics.ts) added in log-odds, each point doubling
 * the odds, as combine-score.ts does. */
export function withRules(m: Method, fromProbability: boolean): Method {
  return {
    name: `${m.name} + rules`,
    cut: fromProbability ? logit(m.cut) : m.cut,
    create() {
      const inner = m.create();
      return {
        train: (s) => inner.train(s),
        learn: (s) => inner.learn(s),
        score: (s) => (fromProbability ? logit(inner.score(s)) : inner.score(s)) + s.rulePoints * Math.LN2,
        scoreTokens: (t, points) => (fromProbability ? logit(inner.scoreTokens(t, 0)) : inner.scoreTokens(t, 0)) + points * Math.LN2,
      };
    },
  };
}

export const graham: Method = {
  name: "graham",
  cut: GRAHAM_DEFAULTS.threshold,
  create() {
    const store = new MemoryTokenStore();
    const add = (s: Sample, delta = emptyDelta()) => (addToDelta(delta, s.label, countTokens(s.tokens)), delta);
    return {
      train(samples) {
        const delta = emptyDelta();
        for (const s of samples) add(s, delta);
        store.applySync(delta);
      },
      learn: (s) => store.applySync(add(s)),
      score: (s) => classifyTokens(s.tokens, (t) => store.tokens.get(t), store.size).probability,
      scoreTokens: (tokens) => classifyTokens(tokens, (t) => store.tokens.get(t), store.size).probability,
    };
  },
};

export function fisher(pairs: boolean): Method {
  return {
    name: pairs ? "robinson-fisher + OSB pairs" : "robinson-fisher",
    cut: 0.5,
    create() {
      const counts = new Map<string, DocCounts>();
      const size = { spam: 0, ham: 0 };
      const of = (s: Sample) => (pairs ? s.features : s.unigrams);
      const learn = (s: Sample) => {
        for (const f of of(s)) {
          const c = counts.get(f) ?? { spam: 0, ham: 0 };
          c[s.label]++;
          counts.set(f, c);
        }
        size[s.label]++;
      };
      return {
        train: (samples) => samples.forEach(learn),
        learn,
        scoreTokens(tokens) {
          return this.score({ unigrams: new Set(tokens), features: messageFeatures(tokens) } as Sample);
        },
        score(s) {
          const fs: number[] = [];
          for (const f of of(s)) {
            const c = counts.get(f);
            if (c) fs.push(robinsonF(c, size.spam, size.ham));
          }
          return fisherScore(fs);
        },
      };
    },
  };
}

export function logistic(pairs: boolean, options: LogisticOptions): Method {
  return {
    name: `logistic${pairs ? " + OSB pairs" : ""} (rate ${options.rate}, ${options.epochs} pass${options.epochs > 1 ? "es" : ""})`,
    cut: 0,
    create() {
      const model = denseWeights(DEFAULT_BITS);
      const slots = (s: Sample) => (pairs ? s.slots : s.unigramSlots);
      return {
        train: (samples) => void trainModel(model, samples.map((s) => ({ slots: slots(s), label: s.label })), options),
        learn: (s) => void learnMessage(model, slots(s), s.label, options.rate),
        score: (s) => logOdds(model, slots(s)),
        scoreTokens: (tokens) => logOdds(model, featureSlots(pairs ? messageFeatures(tokens) : new Set(tokens), DEFAULT_BITS)),
      };
    },
  };
}
