// npm run bench:spam [-- --train DIR --test DIR] [--json FILE] [--quick] [--production: only the production path]
// Compares the spam learners (methods.ts) on a labelled corpus, in memory: thresholds and the
// default learner's settings are chosen by cross-validation on the TRAINING half only; the test
// half is scored once with them. Also the TREC-style online run over the whole corpus. See
// BENCHMARKS.md ("Spam learners compared").
import fs from "node:fs";
import os from "node:os";
import { parseArgs } from "node:util";
import { performance } from "node:perf_hooks";
import { applyRules } from "@/lib/spam/heuristics";
import { readSpamMessage } from "@/lib/spam/read-spam-message";
import { headerValue, type SpamMessage } from "@/lib/spam/spam-message";
import { tokenize } from "@/lib/spam/tokenize";
import { folderCorpus, stdlibCorpus, type LabelledMessage } from "./load-corpus";
import { measureSqliteLearner } from "./sqlite-store";
import { LEARNER_PAIRS } from "@/lib/spam/features";
import { LOGISTIC_DEFAULTS } from "@/lib/spam/logistic";
import { fisher, graham, logistic, logisticLearnedRules, makeSample, withRules, type Method, type Sample } from "./methods";
import {
  chooseThresholds,
  crossValidatedScores,
  fixedOrder,
  onlineByDateArea,
  onlineRun,
  rollingOriginArea,
  testMethod,
  timeOrderedArea,
  type MethodReport,
} from "./evaluate";

const { values: args } = parseArgs({
  options: { train: { type: "string" }, test: { type: "string" }, json: { type: "string" }, quick: { type: "boolean" }, production: { type: "boolean" } },
});
if (!!args.train !== !!args.test) throw new Error("Give both --train DIR and --test DIR, or neither.");
const FOLDS = 5;

async function readAll(list: LabelledMessage[]): Promise<{ samples: Sample[]; messages: SpamMessage[]; ms: number }> {
  const start = performance.now();
  const samples: Sample[] = [];
  const messages: SpamMessage[] = [];
  for (const m of list) {
    const message = (await readSpamMessage(m.raw)).message;
    const tokens = tokenize(message);
    messages.push(message);
    const date = Date.parse(headerValue(message, "Date").replace(/\([^)]*\)/g, ""));
    samples.push(makeSample(m.label, m.name, tokens, applyRules(message), Number.isNaN(date) ? 0 : date));
  }
  return { samples, messages, ms: performance.now() - start };
}

const pct = (n: number, of: number) => (of ? `${((100 * n) / of).toFixed(2)}%` : "–");

/** The default learner as Postern runs it, weights in SQLite: 5,000 messages' bootstrap (the
 * training half, then test messages to make up the number), then 500 test messages judged. */
async function productionPath(train: Sample[], test: { samples: Sample[]; messages: SpamMessage[] }) {
  const learned = [...train, ...test.samples].slice(0, 5000);
  const sqlite = await measureSqliteLearner(learned, test.messages.slice(0, 500));
  console.log(
    `   Production path (SQLite, weight-store.ts): bootstrap of ${sqlite.trained} messages (${LOGISTIC_DEFAULTS.epochs} pass(es)${LOGISTIC_DEFAULTS.tonePasses ? ` + ${LOGISTIC_DEFAULTS.tonePasses} TONE` : ""}, one write of ${sqlite.weights} weights) ${(sqlite.trainMs / 1000).toFixed(2)} s; ` +
      `judging as the filer does ${sqlite.classifyMs.toFixed(3)} ms/message wall (batches of 25: settings, lists, model version once per batch; per message sender history, rules, features, score; ${sqlite.classified} messages; the first, reading the model, ${sqlite.firstClassifyMs.toFixed(1)} ms), ` +
        `${sqlite.explainMs.toFixed(3)} ms/message with the evidence named ("Why?" panel); the learner alone ${sqlite.scoreMs.toFixed(3)} ms/message; after tokenizing ${sqlite.tokenizeMs.toFixed(3)} ms/message`,
  );
  return sqlite;
}

async function main(): Promise<void> {
  const corpus = args.train && args.test ? folderCorpus(args.train, args.test) : stdlibCorpus();
  const train = await readAll(corpus.train);
  const test = await readAll(corpus.test);
  const extra = corpus.extra ? await readAll(corpus.extra.messages) : null;
  const decodeMs = train.ms / train.samples.length;
  console.log(`bench:spam: ${corpus.source}; ${train.samples.length} training, ${test.samples.length} test messages${extra ? `, ${extra.samples.length} ${corpus.extra!.name}` : ""}`);
  console.log(`bench:spam: decode + tokenize + features ${decodeMs.toFixed(2)} ms/message; load average ${os.loadavg()[0].toFixed(2)}`);
  if (args.production) {
    await productionPath(train.samples, test);
    return;
  }

  // 1. The default learner's settings, on the training half only: k-fold CV, rolling-origin
  // validation by date and the online run by date, averaged (their 1 − ROC areas); the lowest
  // wins. (Until issue 25's third round: CV and one 80/20 time-ordered split, printed still.)
  console.log(
    `\n1. Logistic regression settings, on the training half only: ${FOLDS}-fold CV, rolling origin by date, online by date (1 − ROC area, lower is better; chosen by their mean)`,
  );
  const grid: Method[] = [];
  for (const pairs of args.quick ? [false] : [false, true])
    for (const rate of args.quick ? [8] : [2, 8, 32])
      for (const epochs of args.quick ? [1] : [1, 3]) {
        const m = logistic(pairs, { rate, epochs });
        grid.push(m, withRules(m, false));
        // learned rule weights (and TONE) at the rates bench:spam:rules chose on the training half
        grid.push(logisticLearnedRules(pairs, { ...LOGISTIC_DEFAULTS, rate, epochs }));
      }
  // Postern's shipped default (epochs 2 + TONE: bench:spam:rules) is in the grid whatever its passes
  const shipped = LOGISTIC_DEFAULTS.ruleRate
    ? logisticLearnedRules(LEARNER_PAIRS, LOGISTIC_DEFAULTS)
    : withRules(logistic(LEARNER_PAIRS, LOGISTIC_DEFAULTS), false);
  if (!args.quick && !grid.some((m) => m.name === shipped.name)) grid.push(shipped);
  let best = { method: grid[0], area: Infinity };
  for (const m of grid) {
    const cv = crossValidatedScores(m, train.samples, FOLDS).area;
    const timed = timeOrderedArea(m, train.samples);
    const rolling = rollingOriginArea(m, train.samples);
    const online = onlineByDateArea(m, train.samples);
    const mean = (cv + rolling + online) / 3;
    const show = (x: number) => `${(100 * x).toFixed(4)}%`;
    console.log(`   ${m.name}: CV ${show(cv)}, time-ordered 80/20 ${show(timed)}, rolling origin ${show(rolling)}, online by date ${show(online)}; mean ${show(mean)}`);
    if (mean < best.area) best = { method: m, area: mean };
  }
  console.log(`   chosen: ${best.method.name}`);

  // Postern adds the rule points to whatever the learner says (combine-score.ts): the default as
  // it runs is the chosen learner + rules, and its thresholds are that combination's.
  const chosen = /\+ (learned )?rules/.test(best.method.name) ? best.method : withRules(best.method, false);
  // The default before learned rule weights (issue 25, second round), for comparison.
  const previous = withRules(logistic(true, { rate: 8, epochs: 3 }), false);
  const methods: Method[] = [graham, withRules(graham, true), fisher(false), fisher(true), ...[best.method, previous].filter((m) => m.name !== chosen.name), chosen];

  console.log("\n2. Each method: thresholds by CV on the training half, then trained on all of it and tested once");
  const reports: MethodReport[] = [];
  for (const m of methods) {
    const cv = crossValidatedScores(m, train.samples, FOLDS);
    const thresholds = chooseThresholds(cv.scored);
    const r = testMethod(m, { train: train.samples, test: test.samples, extra: extra?.samples ?? [], testMessages: test.messages, thresholds, cvArea: cv.area });
    reports.push(r);
    console.log(`   ${m.name}`);
    console.log(`      thresholds (CV): spam > ${r.thresholds.spam.toFixed(4)}, unsure > ${r.thresholds.unsure.toFixed(4)}; CV 1−ROCA ${(100 * r.cvArea).toFixed(3)}%`);
    console.log(`      test: FP ${r.fp}/${r.ham} (${pct(r.fp, r.ham)}), spam caught ${r.caught}/${r.spam} (${pct(r.caught, r.spam)}); unsure: ${r.unsureHam} good, ${r.unsureSpam} spam`);
    console.log(`      test ROC: 1−ROCA ${(100 * r.area).toFixed(3)}%, spam caught at ≤0.1% FP ${pct(r.rocCaught, r.spam)} (${r.rocFp} FP)`);
    if (extra) console.log(`      ${corpus.extra!.name}: FP ${r.extraFp}/${r.extraHam} (${pct(r.extraFp, r.extraHam)}), unsure ${r.extraUnsure}`);
    console.log(`      at its own cut ${m.cut.toFixed(2)}: FP ${r.atCut.fp}, spam caught ${r.atCut.caught} (${pct(r.atCut.caught, r.spam)})`);
    console.log(`      classify ${r.classifyMs.toFixed(3)} ms/message (tokenize + features + score, CPU; rules ${r.rulesMs.toFixed(3)} ms more); learn ${Math.round(r.learnPerSecond)} messages/s from tokens, ${Math.round(1000 / (decodeMs + 1000 / r.learnPerSecond))} messages/s with decoding`);
  }

  const defaults = reports[reports.length - 1].thresholds;
  const asProbability = (t: number) => (1 / (1 + Math.exp(-t))).toFixed(3);
  console.log(`\n   Default learner's cut-offs as Postern's scores (lib/spam/spam-settings.ts): spam > ${asProbability(defaults.spam)}, possibly spam > ${asProbability(defaults.unsure)}`);

  const sqlite = await productionPath(train.samples, test);
  console.log("\n3. Online run (TREC style): the whole corpus in one fixed order, each message classified, then trained with its true label");
  const stream = fixedOrder([...train.samples, ...test.samples, ...(extra?.samples ?? [])]);
  const online: Record<string, unknown> = {};
  for (const m of methods) {
    const modes = m === chosen ? (["everything", "errors", "errors or unsure"] as const) : (["everything", "errors"] as const);
    for (const mode of modes) {
      const o = onlineRun(m, stream, mode, defaults);
      online[`${m.name} / ${mode}`] = o;
      console.log(`   ${m.name}, train on ${mode}: 1−ROCA ${(100 * o.area).toFixed(3)}%, errors ${o.errors} (${o.fp} FP, ${o.fn} FN), trained ${o.trained}; errors per 1,000: ${o.curve.join(" ")}`);
    }
  }
  if (args.json) fs.writeFileSync(args.json, JSON.stringify({ source: corpus.source, chosen: best.method.name, reports, online, sqlite, loadAverage: os.loadavg()[0] }, null, 2));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
