// npm run bench:spam:cv [-- --folds 5] [--train DIR --test DIR]
// What the spam filter's settings and training mode do, judged without looking at the test set,
// and how far the train/test split's shift in time limits it. See BENCHMARKS.md.
//
// 1. k-fold cross-validation on the TRAINING half only (spam-1 + easy-ham-1 by default): the
//    figures any choice of threshold, number of deciding tokens or training mode must rest on.
// 2. Training on everything vs. on mistakes only (Postern's default for clicks), on the real split.
// 3. Learning curve: the training half plus the first k messages of the test half's spam and good
//    mail (in a fixed shuffled order), tested on the rest.
// 4. The test half as a stream, each mistake corrected (trained) as a user clicking "Spam" /
//    "Not spam" would: how quickly the filter catches up with the newer spam.
// 5. Reference only: 10-fold cross-validation on training and test halves pooled (no shift in
//    time between training and testing). Never used to choose anything.
import { parseArgs } from "node:util";
import os from "node:os";
import { combineScore } from "@/lib/spam/combine-score";
import { classifyTokens, countTokens, GRAHAM_DEFAULTS, type GrahamOptions } from "@/lib/spam/graham";
import { applyRules } from "@/lib/spam/heuristics";
import { readSpamMessage } from "@/lib/spam/read-spam-message";
import { addToDelta, emptyDelta, MemoryTokenStore } from "@/lib/spam/token-store";
import { tokenize } from "@/lib/spam/tokenize";
import { folderCorpus, stdlibCorpus, type LabelledMessage } from "./load-corpus";

const { values: args } = parseArgs({
  options: { train: { type: "string" }, test: { type: "string" }, folds: { type: "string" } },
});
const FOLDS = Number(args.folds ?? 5);

type Sample = { label: "spam" | "ham"; name: string; tokens: string[]; counts: Map<string, number>; rulePoints: number };

/** FNV-1a: a fixed pseudo-random order and fold assignment that depend only on the file names. */
function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}
const shuffled = (list: Sample[], salt = "") => [...list].sort((a, b) => hash(a.name + salt) - hash(b.name + salt) || (a.name < b.name ? -1 : 1));

/** One message at a time: the MIME parser's stall watchdog (15 s) must not see thousands of
 * parses competing for the CPU. */
async function read(list: LabelledMessage[]): Promise<Sample[]> {
  const out: Sample[] = [];
  for (const m of list) {
    const message = (await readSpamMessage(m.raw)).message;
    const tokens = tokenize(message);
    const rulePoints = applyRules(message).reduce((sum, h) => sum + h.points, 0);
    out.push({ label: m.label, name: m.name, tokens, counts: countTokens(tokens), rulePoints });
  }
  return out;
}

function trainOn(samples: Sample[], mode: "everything" | "mistakes", options: GrahamOptions, store = new MemoryTokenStore()): MemoryTokenStore {
  if (mode === "everything") {
    const delta = emptyDelta();
    for (const s of samples) addToDelta(delta, s.label, s.counts);
    store.applySync(delta);
    return store;
  }
  // As train-messages.ts does for clicks: learn a message only while the filter judges it wrongly
  // (or has not learned both kinds yet). Spam and good mail interleaved in a fixed shuffled order.
  for (const s of shuffled(samples)) {
    const trained = store.size.spamMessages > 0 && store.size.hamMessages > 0;
    const verdict = classifyTokens(s.tokens, (t) => store.tokens.get(t), store.size, options);
    if (!trained || verdict.isSpam !== (s.label === "spam")) learn(store, s);
  }
  return store;
}

function learn(store: MemoryTokenStore, s: Sample): void {
  const delta = emptyDelta();
  addToDelta(delta, s.label, s.counts);
  store.applySync(delta);
}

type Score = { ham: number; fp: number; spam: number; caught: number; fpRules: number; caughtRules: number };
const zero = (): Score => ({ ham: 0, fp: 0, spam: 0, caught: 0, fpRules: 0, caughtRules: 0 });

function score(store: MemoryTokenStore, samples: Sample[], options: GrahamOptions, into = zero()): Score {
  for (const s of samples) {
    const verdict = classifyTokens(s.tokens, (t) => store.tokens.get(t), store.size, options);
    const withRules = combineScore(verdict.probability, s.rulePoints) > options.threshold;
    if (s.label === "ham") {
      into.ham++;
      into.fp += +verdict.isSpam;
      into.fpRules += +withRules;
    } else {
      into.spam++;
      into.caught += +verdict.isSpam;
      into.caughtRules += +withRules;
    }
  }
  return into;
}

function crossValidate(samples: Sample[], folds: number, options: GrahamOptions, mode: "everything" | "mistakes" = "everything"): Score {
  const total = zero();
  for (let f = 0; f < folds; f++) {
    const store = trainOn(samples.filter((s) => hash(s.name) % folds !== f), mode, options);
    score(store, samples.filter((s) => hash(s.name) % folds === f), options, total);
  }
  return total;
}

const pct = (n: number, of: number) => (of ? `${((100 * n) / of).toFixed(2)}%` : "–");
const line = (s: Score) =>
  `FP ${s.fp}/${s.ham} (${pct(s.fp, s.ham)})  caught ${s.caught}/${s.spam} (${pct(s.caught, s.spam)})  with rules: FP ${s.fpRules}, caught ${s.caughtRules} (${pct(s.caughtRules, s.spam)})`;

async function main(): Promise<void> {
  const corpus = args.train && args.test ? folderCorpus(args.train, args.test) : stdlibCorpus();
  const [train, test] = [await read(corpus.train), await read(corpus.test)];
  const base = GRAHAM_DEFAULTS;
  console.log(`bench:spam:cv: ${corpus.source}; ${train.length} training, ${test.length} test messages; load average ${os.loadavg()[0].toFixed(2)}`);

  console.log(`\n1. ${FOLDS}-fold cross-validation on the training half (the basis for any setting)`);
  for (const interesting of [10, 15, 20, 25, 30]) console.log(`   ${interesting} tokens, threshold 0.9:   ${line(crossValidate(train, FOLDS, { ...base, interesting }))}`);
  for (const threshold of [0.5, 0.8, 0.95, 0.99]) console.log(`   15 tokens, threshold ${threshold}:`.padEnd(33) + line(crossValidate(train, FOLDS, { ...base, threshold })));
  console.log(`   train on mistakes (15, 0.9):    ${line(crossValidate(train, FOLDS, base, "mistakes"))}`);

  console.log("\n2. Training mode on the real split (test half; reported, not tuned on)");
  for (const mode of ["everything", "mistakes"] as const) {
    const store = trainOn(train, mode, base);
    console.log(`   ${mode.padEnd(10)} (${store.size.spamMessages} spam + ${store.size.hamMessages} good learned): ${line(score(store, test, base))}`);
  }

  console.log("\n3. Learning curve: training half + the first k of the test half's spam and of its good mail; tested on the rest");
  const testSpam = shuffled(test.filter((s) => s.label === "spam"));
  const testHam = shuffled(test.filter((s) => s.label === "ham"));
  for (const k of [0, 50, 100, 200, 400, 700]) {
    if (k >= testSpam.length || k >= testHam.length) break;
    const store = trainOn([...train, ...testSpam.slice(0, k), ...testHam.slice(0, k)], "everything", base);
    console.log(`   k = ${String(k).padStart(3)}: ${line(score(store, [...testSpam.slice(k), ...testHam.slice(k)], base))}`);
  }

  console.log("\n4. The test half as a stream (fixed shuffled order), each mistake corrected as a user would; by fifths");
  const store = trainOn(train, "everything", base);
  const stream = shuffled(test, "stream");
  const fifth = Math.ceil(stream.length / 5);
  let corrections = 0;
  for (let i = 0; i < 5; i++) {
    const part = zero();
    for (const s of stream.slice(i * fifth, (i + 1) * fifth)) {
      const before = { ...part };
      score(store, [s], base, part);
      const wrong = s.label === "spam" ? part.caught === before.caught : part.fp !== before.fp;
      if (wrong) (learn(store, s), corrections++);
    }
    console.log(`   ${i + 1}/5: caught ${part.caught}/${part.spam} (${pct(part.caught, part.spam)}), FP ${part.fp}/${part.ham}; corrections so far ${corrections}`);
  }

  console.log("\n5. Reference only (never used to choose): 10-fold cross-validation on both halves pooled, no shift in time");
  console.log(`   ${line(crossValidate([...train, ...test], 10, base))}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
