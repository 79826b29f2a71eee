// The learners the benchmark compares, behind one interface. Each scores on its own scale
// (higher = spammier); thresholds are chosen per method by cross-validation (run.ts).
import { featureSlots } from "@/lib/spam/feature-hash";
import { messageFeatures } from "@/lib/spam/features";
import { fisherScore, robinsonF, type DocCounts } from "@/lib/spam/fisher";
import { classifyTokens, countTokens, GRAHAM_DEFAULTS } from "@/lib/spam/graham";
import type { RuleHit } from "@/lib/spam/heuristics";
import { DEFAULT_BITS, denseWeights, learnMessage, logOdds, messageLogOdds, trainModel, type LogisticOptions } from "@/lib/spam/logistic";
import { addToDelta, emptyDelta, MemoryTokenStore } from "@/lib/spam/token-store";

export type Sample = {
  label: "spam" | "ham";
  name: string;
  tokens: string[];
  rulePoints: number;
  /** The rules it hit (heuristics.ts), for the learner that weighs them itself. */
  rules: RuleHit[];
  /** The Date header's time (0 when unreadable): the time-ordered validation sorts by it. */
  date: number;
  unigrams: Set<string>;
  features: Set<string>;
  slots: Uint32Array;
  unigramSlots: Uint32Array;
  /** The raw message's start (char-ngrams.ts messageHead), for the n-gram experiments. */
  head?: string;
};

export function makeSample(label: "spam" | "ham", name: string, tokens: string[], rules: RuleHit[], date = 0, head?: string): Sample {
  const unigrams = new Set(tokens);
  const features = messageFeatures(tokens);
  const rulePoints = rules.reduce((sum, h) => sum + h.points, 0);
  return { label, name, tokens, rulePoints, rules, date, head, unigrams, features, slots: featureSlots(features, DEFAULT_BITS), unigramSlots: featureSlots(unigrams, DEFAULT_BITS) };
}

export type Learner = {
  train(samples: Sample[]): void;
  score(s: Sample): number;
  /** The same from the tokens alone, computing the method's own features (what a message costs). */
  scoreTokens(tokens: string[], rules: RuleHit[]): number;
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
        scoreTokens: (t, rules) =>
          (fromProbability ? logit(inner.scoreTokens(t, [])) : inner.scoreTokens(t, [])) + rules.reduce((sum, h) => sum + h.points, 0) * Math.LN2,
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

/** The logistic learner that weighs the rules itself (lib/spam/rule-weights.ts): each rule hit an
 * unscaled feature from its hand-set points, learned at `options.ruleRate`. */
export function logisticLearnedRules(pairs: boolean, options: LogisticOptions): Method {
  return {
    name: `${logistic(pairs, options).name} + learned rules (rate ${options.ruleRate})`,
    cut: 0,
    create() {
      const model = denseWeights(DEFAULT_BITS);
      const slots = (s: Sample) => (pairs ? s.slots : s.unigramSlots);
      return {
        train: (samples) => void trainModel(model, samples.map((s) => ({ slots: slots(s), label: s.label, rules: s.rules })), options),
        learn: (s) => void learnMessage(model, slots(s), s.label, options, s.rules),
        score: (s) => messageLogOdds(model, slots(s), s.rules),
        scoreTokens: (tokens, rules) => messageLogOdds(model, featureSlots(pairs ? messageFeatures(tokens) : new Set(tokens), DEFAULT_BITS), rules),
      };
    },
  };
}

export function logistic(pairs: boolean, options: Omit<LogisticOptions, "ruleRate">): Method {
  return {
    name: `logistic${pairs ? " + OSB pairs" : ""} (rate ${options.rate}, ${options.epochs} pass${options.epochs > 1 ? "es" : ""})${options.tonePasses ? ` + TONE ${options.tonePasses} (margin ${options.toneMargin})` : ""}`,
    cut: 0,
    create() {
      const model = denseWeights(DEFAULT_BITS);
      const slots = (s: Sample) => (pairs ? s.slots : s.unigramSlots);
      return {
        train: (samples) => void trainModel(model, samples.map((s) => ({ slots: slots(s), label: s.label })), { ...options, ruleRate: 0 }),
        learn: (s) => void learnMessage(model, slots(s), s.label, { ...options, ruleRate: 0 }),
        score: (s) => logOdds(model, slots(s)),
        scoreTokens: (tokens) => logOdds(model, featureSlots(pairs ? messageFeatures(tokens) : new Set(tokens), DEFAULT_BITS)),
      };
    },
  };
}
