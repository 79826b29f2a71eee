// Reporting only (never used to choose): the split's figures for learned-rule-weight variants that
// bench:spam's grid did not pick, so BENCHMARKS.md can say what each scored. Thresholds from
// their own CV on the training half, as run.ts does.
import { applyRules } from "@/lib/spam/heuristics";
import { readSpamMessage } from "@/lib/spam/read-spam-message";
import { headerValue, type SpamMessage } from "@/lib/spam/spam-message";
import { tokenize } from "@/lib/spam/tokenize";
import { chooseThresholds, crossValidatedScores, testMethod } from "./evaluate";
import { stdlibCorpus, type LabelledMessage } from "./load-corpus";
import { logisticLearnedRules, makeSample, type Sample } from "./methods";

async function read(list: LabelledMessage[]) {
  const samples: Sample[] = [];
  const messages: SpamMessage[] = [];
  for (const m of list) {
    const message = (await readSpamMessage(m.raw)).message;
    const date = Date.parse(headerValue(message, "Date").replace(/\([^)]*\)/g, ""));
    samples.push(makeSample(m.label, m.name, tokenize(message), applyRules(message), Number.isNaN(date) ? 0 : date));
    messages.push(message);
  }
  return { samples, messages };
}

async function main() {
  const corpus = stdlibCorpus();
  const train = await read(corpus.train);
  const test = await read(corpus.test);
  const extra = await read(corpus.extra!.messages);
  for (const m of [
    logisticLearnedRules(true, { rate: 8, epochs: 2, ruleRate: 0.2, tonePasses: 1, toneMargin: 3 }),
    logisticLearnedRules(false, { rate: 8, epochs: 1, ruleRate: 0.2 }),
  ]) {
    const cv = crossValidatedScores(m, train.samples, 5);
    const r = testMethod(m, { train: train.samples, test: test.samples, extra: extra.samples, testMessages: test.messages, thresholds: chooseThresholds(cv.scored), cvArea: cv.area });
    const pct = (n: number, of: number) => `${((100 * n) / of).toFixed(2)}%`;
    console.log(
      `${m.name}: CV ${(100 * r.cvArea).toFixed(4)}%; test FP ${r.fp} (${pct(r.fp, r.ham)}), caught ${pct(r.caught, r.spam)}, unsure ${r.unsureHam}/${r.unsureSpam}; ` +
        `ROC ≤0.1% FP ${pct(r.rocCaught, r.spam)}, 1−ROCA ${(100 * r.area).toFixed(3)}%; hard ham FP ${r.extraFp} (${pct(r.extraFp, r.extraHam)}), unsure ${r.extraUnsure}; classify ${r.classifyMs.toFixed(3)} ms`,
    );
  }
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
