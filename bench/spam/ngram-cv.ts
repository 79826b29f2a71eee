// npm run bench:spam:ngrams [-- --train DIR --test DIR] [--only SUBSTRING] (only the training half is read)
// Issue 25, fourth round: character n-gram features (alone, beside the words, over the tokens or
// the raw bytes as Sculley's and Cormack's TREC filters read them) and a stacked model, each
// judged on the TRAINING half only by the yardstick bench:spam chooses with: the mean of 5-fold
// CV, rolling-origin and online-by-date 1 − ROC area. The test half is never loaded here, but
// with --split (reporting only, see scoreSplit).
import os from "node:os";
import { parseArgs } from "node:util";
import { addNgramSlots, messageHead, ngramText } from "./char-ngrams";
import { applyRules } from "@/lib/spam/heuristics";
import { DEFAULT_BITS, denseWeights, learnMessage, logOdds, probability, shuffledOrder } from "@/lib/spam/logistic";
import { readSpamMessage } from "@/lib/spam/read-spam-message";
import { headerValue } from "@/lib/spam/spam-message";
import { tokenize } from "@/lib/spam/tokenize";
import { chooseThresholds, crossValidatedScores, onlineByDateArea, rollingOriginArea } from "./evaluate";
import { caughtAtFpRate, oneMinusRocArea } from "./roc";
import { folderCorpus, stdlibCorpus, type CorpusSplit, type LabelledMessage } from "./load-corpus";
import { fisher, makeSample, withRules, type Learner, type Method, type Sample } from "./methods";
import { stacked } from "./stacked";

const { values: args } = parseArgs({ options: { train: { type: "string" }, test: { type: "string" }, only: { type: "string" }, from: { type: "string" }, split: { type: "boolean" } } });
const FOLDS = 5;
const raws = new Map<string, Buffer>();

type Features = "words" | "tok-ngrams" | "words+tok-ngrams" | "raw-ngrams" | "words+raw-ngrams";
type Variant = { features: Features; n?: number; chars?: number; scale: "sqrt" | "plain"; rate: number; epochs: number };

function slotsFor(s: Sample, v: Variant): Uint32Array {
  const set = new Set<number>();
  if (v.features.startsWith("words")) for (const x of s.unigramSlots) set.add(x);
  if (v.features.includes("tok-ngrams")) addNgramSlots(ngramText(s.tokens, v.chars), DEFAULT_BITS, set, v.n);
  if (v.features.includes("raw-ngrams")) addNgramSlots(raws.get(s.name)!.subarray(0, v.chars ?? 2500).toString("latin1"), DEFAULT_BITS, set, v.n);
  return Uint32Array.from(set);
}

const nameOf = (v: Variant) => `${v.features}${v.n ? ` n=${v.n}` : ""}${v.chars ? ` ${v.chars} chars` : ""}, ${v.scale === "sqrt" ? "1/√n scaled" : "plain"}, rate ${v.rate}, ${v.epochs} pass${v.epochs > 1 ? "es" : ""}`;

/** The logistic learner over the variant's features: Postern's (scaled by 1/√n, a slow bias:
 * logistic.ts) or plain (each binary feature weight 1, no bias: Cormack's TREC 2007 filter). */
export function variant(v: Variant): Method {
  const cache = new Map<string, Uint32Array>();
  const slots = (s: Sample) => cache.get(s.name) ?? (cache.set(s.name, slotsFor(s, v)), cache.get(s.name)!);
  return {
    name: nameOf(v),
    cut: 0,
    create(): Learner {
      const w = denseWeights(DEFAULT_BITS);
      const score = (sl: Uint32Array) => {
        if (v.scale === "sqrt") return logOdds(w, sl);
        let sum = 0;
        for (let i = 0; i < sl.length; i++) sum += w.get(sl[i]);
        return sum;
      };
      const learn = (s: Sample) => {
        const sl = slots(s);
        if (v.scale === "sqrt") return void learnMessage(w, sl, s.label, { rate: v.rate, ruleRate: 0 });
        const step = v.rate * ((s.label === "spam" ? 1 : 0) - probability(score(sl)));
        for (let i = 0; i < sl.length; i++) w.add(sl[i], step);
      };
      return {
        train(samples) {
          for (let e = 0; e < v.epochs; e++) for (const i of shuffledOrder(samples.length, e + 1)) learn(samples[i]);
        },
        learn,
        score: (s) => score(slots(s)),
        scoreTokens: () => {
          throw new Error("not timed here");
        },
      };
    },
  };
}

async function read(list: LabelledMessage[]): Promise<Sample[]> {
  const out: Sample[] = [];
  for (const m of list) {
    const message = (await readSpamMessage(m.raw)).message;
    const date = Date.parse(headerValue(message, "Date").replace(/\([^)]*\)/g, ""));
    out.push(makeSample(m.label, m.name, tokenize(message), applyRules(message), Number.isNaN(date) ? 0 : date, messageHead(m.raw)));
    raws.set(m.name, m.raw);
  }
  return out;
}

/** --split (reporting only, after the grid chose): the test half scored once for the yardstick's
 * overall best, the stacked model, which the filer's budget rules out (BENCHMARKS.md). */
async function scoreSplit(corpus: CorpusSplit, train: Sample[]) {
  const test = await read(corpus.test);
  const extra = corpus.extra ? await read(corpus.extra.messages) : [];
  const m = stacked(variant({ features: "words+raw-ngrams", n: 4, chars: 3000, scale: "sqrt", rate: 8, epochs: 1 }), FOLDS);
  const t = chooseThresholds(crossValidatedScores(m, train, FOLDS).scored);
  const learner = m.create();
  learner.train(train);
  const scored = test.map((s) => ({ score: learner.score(s), label: s.label }));
  const ham = scored.filter((s) => s.label === "ham");
  const spam = scored.filter((s) => s.label === "spam");
  const roc = caughtAtFpRate(scored, 0.001);
  const hard = extra.map((s) => learner.score(s));
  const pct = (n: number, of: number) => `${((100 * n) / of).toFixed(2)}%`;
  console.log(`split, ${m.name}: FP ${ham.filter((s) => s.score > t.spam).length}/${ham.length}, caught ${pct(spam.filter((s) => s.score > t.spam).length, spam.length)}, ` +
    `unsure ${ham.filter((s) => s.score > t.unsure && s.score <= t.spam).length}/${spam.filter((s) => s.score > t.unsure && s.score <= t.spam).length}; ` +
    `ROC ≤0.1% FP ${pct(roc.caught, roc.spam)}, 1−ROCA ${(100 * oneMinusRocArea(scored)).toFixed(3)}%; hard ham FP ${pct(hard.filter((x) => x > t.spam).length, hard.length)}`);
}

async function main() {
  const corpus = args.train && args.test ? folderCorpus(args.train, args.test) : stdlibCorpus();
  const train = await read(corpus.train);
  if (args.split) return scoreSplit(corpus, train);
  console.log(`bench:spam:ngrams: ${corpus.source}; ${train.length} training messages (the test half is not read); load average ${os.loadavg()[0].toFixed(2)}`);
  const words: Variant = { features: "words", scale: "sqrt", rate: 8, epochs: 1 };
  const methods: Method[] = [
    withRules(variant(words), false),
    // round 1 (first grid)
    withRules(variant({ features: "tok-ngrams", n: 4, chars: 3000, scale: "sqrt", rate: 8, epochs: 1 }), false),
    withRules(variant({ features: "tok-ngrams", n: 4, chars: 3000, scale: "sqrt", rate: 32, epochs: 1 }), false),
    withRules(variant({ features: "words+tok-ngrams", n: 4, chars: 3000, scale: "sqrt", rate: 8, epochs: 1 }), false),
    withRules(variant({ features: "words+tok-ngrams", n: 4, chars: 3000, scale: "sqrt", rate: 16, epochs: 1 }), false),
    withRules(variant({ features: "tok-ngrams", n: 4, chars: 3000, scale: "plain", rate: 0.002, epochs: 1 }), false),
    withRules(variant({ features: "words+tok-ngrams", n: 4, chars: 3000, scale: "plain", rate: 0.002, epochs: 1 }), false),
    variant({ features: "raw-ngrams", n: 4, chars: 2500, scale: "plain", rate: 0.002, epochs: 1 }),
    withRules(variant({ features: "raw-ngrams", n: 4, chars: 2500, scale: "plain", rate: 0.002, epochs: 1 }), false),
    withRules(variant({ features: "raw-ngrams", n: 4, chars: 3000, scale: "sqrt", rate: 8, epochs: 1 }), false),
    withRules(variant({ features: "tok-ngrams", n: 5, chars: 3000, scale: "sqrt", rate: 8, epochs: 1 }), false),
    withRules(variant({ features: "tok-ngrams", n: 3, chars: 3000, scale: "sqrt", rate: 8, epochs: 1 }), false),
    withRules(fisher(false), true),
    stacked(variant(words), FOLDS),
    // round 2 (around the first grid's best)
    withRules(variant({ features: "tok-ngrams", n: 4, chars: 3000, scale: "sqrt", rate: 4, epochs: 1 }), false),
    withRules(variant({ features: "words+tok-ngrams", n: 4, chars: 3000, scale: "sqrt", rate: 4, epochs: 1 }), false),
    withRules(variant({ features: "raw-ngrams", n: 4, chars: 3000, scale: "sqrt", rate: 4, epochs: 1 }), false),
    withRules(variant({ features: "raw-ngrams", n: 4, chars: 3000, scale: "sqrt", rate: 16, epochs: 1 }), false),
    withRules(variant({ features: "raw-ngrams", n: 4, chars: 2500, scale: "sqrt", rate: 8, epochs: 1 }), false),
    withRules(variant({ features: "raw-ngrams", n: 4, chars: 3000, scale: "sqrt", rate: 8, epochs: 3 }), false),
    withRules(variant({ features: "words+raw-ngrams", n: 4, chars: 3000, scale: "sqrt", rate: 8, epochs: 1 }), false),
    withRules(variant({ features: "words", scale: "sqrt", rate: 8, epochs: 1 }), false),
    stacked(variant({ features: "raw-ngrams", n: 4, chars: 3000, scale: "sqrt", rate: 8, epochs: 1 }), FOLDS),
    stacked(variant({ features: "words+tok-ngrams", n: 4, chars: 3000, scale: "sqrt", rate: 8, epochs: 1 }), FOLDS),
    stacked(variant(words), FOLDS, { fisher: false }),
    // round 3 (around words + raw n-grams, the best without Robinson–Fisher's counts)
    withRules(variant({ features: "words+raw-ngrams", n: 4, chars: 3000, scale: "sqrt", rate: 4, epochs: 1 }), false),
    withRules(variant({ features: "words+raw-ngrams", n: 4, chars: 3000, scale: "sqrt", rate: 16, epochs: 1 }), false),
    withRules(variant({ features: "words+raw-ngrams", n: 4, chars: 2500, scale: "sqrt", rate: 8, epochs: 1 }), false),
    withRules(variant({ features: "words+raw-ngrams", n: 4, chars: 3000, scale: "sqrt", rate: 8, epochs: 3 }), false),
    withRules(variant({ features: "words+raw-ngrams", n: 5, chars: 3000, scale: "sqrt", rate: 8, epochs: 1 }), false),
    stacked(variant({ features: "words+raw-ngrams", n: 4, chars: 3000, scale: "sqrt", rate: 8, epochs: 1 }), FOLDS),
    stacked(variant({ features: "raw-ngrams", n: 4, chars: 3000, scale: "sqrt", rate: 8, epochs: 1 }), FOLDS, { fisher: false }),
    fisher(false),
].filter((m, i) => (!args.only || m.name.includes(args.only)) && i >= Number(args.from ?? 0));
  const show = (x: number) => `${(100 * x).toFixed(4)}%`;
  for (const m of methods) {
    const start = Date.now();
    const cv = crossValidatedScores(m, train, FOLDS).area;
    const rolling = rollingOriginArea(m, train);
    const online = onlineByDateArea(m, train);
    console.log(`   ${m.name}: CV ${show(cv)}, rolling origin ${show(rolling)}, online by date ${show(online)}; mean ${show((cv + rolling + online) / 3)} (${((Date.now() - start) / 1000).toFixed(0)} s)`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
