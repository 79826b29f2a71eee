// A stacked model (the TREC fusion of Lynam & Cormack): the logistic learner's log-odds, the
// Robinson–Fisher score (as log-odds) and the rule points, combined by a small logistic model
// fitted on out-of-fold scores of the training messages (inner k-fold), so the combiner never
// sees a score of a message its base learners had learned. Online, the combiner learns from each
// message's scores taken before the message is learned. Benchmark only.
import { fisher, type Learner, type Method, type Sample } from "./methods";

const logit = (p: number) => Math.log(Math.max(1e-9, p) / Math.max(1e-9, 1 - p));
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

type Inputs = [number, number, number];
/** Starting weights: the learner's log-odds plus the rule points (Postern's sum), Fisher unused. */
const START = [0, 1, 0, Math.LN2];
const ONLINE_RATE = 0.01;

function fitCombiner(rows: { x: Inputs; y: number }[]): number[] {
  const w = [...START];
  // Batch gradient descent on the log-loss with a light L2 pull: 4 weights, a few thousand rows.
  for (let it = 0; it < 300; it++) {
    const g = [0, 0, 0, 0];
    for (const { x, y } of rows) {
      const err = sigmoid(w[0] + w[1] * x[0] + w[2] * x[1] + w[3] * x[2]) - y;
      g[0] += err;
      for (let k = 0; k < 3; k++) g[k + 1] += err * x[k];
    }
    for (let k = 0; k < 4; k++) w[k] -= (0.5 * g[k]) / rows.length + 1e-4 * w[k];
  }
  return w;
}

export function stacked(base: Method, folds: number, opts: { fisher?: boolean } = {}): Method {
  const fisherMethod = fisher(false);
  const useFisher = opts.fisher ?? true;
  return {
    name: `stacked: ${base.name}${useFisher ? " + robinson-fisher" : ""} + rule points (combiner on ${folds}-fold out-of-fold scores)`,
    cut: 0,
    create(): Learner {
      let learner = base.create();
      let rf = fisherMethod.create();
      let w = [...START];
      const inputs = (s: Sample): Inputs => [learner.score(s), useFisher ? logit(rf.score(s)) : 0, s.rulePoints];
      const combine = (x: Inputs) => w[0] + w[1] * x[0] + w[2] * x[1] + w[3] * x[2];
      return {
        train(samples) {
          const rows: { x: Inputs; y: number }[] = [];
          for (let f = 0; f < folds; f++) {
            learner = base.create();
            rf = fisherMethod.create();
            const rest = samples.filter((_, i) => i % folds !== f);
            learner.train(rest);
            rf.train(rest);
            for (const s of samples.filter((_, i) => i % folds === f)) rows.push({ x: inputs(s), y: s.label === "spam" ? 1 : 0 });
          }
          w = fitCombiner(rows);
          learner = base.create();
          rf = fisherMethod.create();
          learner.train(samples);
          rf.train(samples);
        },
        learn(s) {
          const x = inputs(s);
          const err = (s.label === "spam" ? 1 : 0) - sigmoid(combine(x));
          w[0] += ONLINE_RATE * err;
          for (let k = 0; k < 3; k++) w[k + 1] += ONLINE_RATE * err * x[k];
          learner.learn(s);
          rf.learn(s);
        },
        score: (s) => combine(inputs(s)),
        scoreTokens: () => {
          throw new Error("not timed here");
        },
      };
    },
  };
}
