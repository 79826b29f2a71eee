import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { classifyTokens, type GrahamOptions } from "@/lib/spam/graham";
import type { SpamMessage } from "@/lib/spam/spam-message";
import { dbTokenStore, type TrainingDelta } from "@/lib/spam/token-store";
import { tokenize } from "@/lib/spam/tokenize";
import { spamJudge } from "@/lib/spam/evaluate-message";
import { FILING_BATCH } from "@/lib/spam/file-new-mail";
import { scoreTokens, trainLearner, type LearnedMessage } from "@/lib/spam/learner";
import { forgetCachedModel } from "@/lib/spam/model-cache";
import { dbWeightStore } from "@/lib/spam/weight-store";

export type SqliteFigures = { tokens: number; writeMs: number; classified: number; classifyMs: number };

/**
 * The production path: the training counts written to a scratch SQLite database with Postern's
 * batched upserts, then messages classified with their counts looked up there (what each INBOX
 * message costs the server, MIME decoding aside). The database is removed afterwards.
 */
export async function measureSqliteStore(delta: TrainingDelta, messages: SpamMessage[], options: GrahamOptions): Promise<SqliteFigures> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "postern-bench-spam-"));
  process.env.POSTERN_DATA_DIR = dir;
  try {
    const store = dbTokenStore("bench@example.test");
    const writeStart = performance.now();
    await store.apply(delta);
    const writeMs = performance.now() - writeStart;
    const corpus = await store.corpus();
    const start = performance.now();
    for (const m of messages) {
      const tokens = tokenize(m);
      const counts = await store.counts(tokens);
      classifyTokens(tokens, (t) => counts.get(t), corpus, options);
    }
    return { tokens: delta.tokens.size, writeMs, classified: messages.length, classifyMs: performance.now() - start };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export type SqliteLearnerFigures = {
  weights: number;
  /** learner.ts trainLearner: the bootstrap as Postern runs it (read, passes, one write) */
  trainMs: number;
  trained: number;
  classified: number;
  /** the first judgement, which reads the model from the database */
  firstClassifyMs: number;
  /** per message after that, as the filer judges a batch (FILING_BATCH messages per model version
   * check; settings, lists, sender history, rules and the score; tokens given, evidence not named) */
  classifyMs: number;
  /** the same with the evidence named, as the "Why?" panel asks */
  explainMs: number;
  /** the learner alone (features, hashing, weights; model in memory) */
  scoreMs: number;
  /** per message: the tokenizer, which any method needs first */
  tokenizeMs: number;
};

/**
 * The default learner's production path against a scratch SQLite database: the bootstrap
 * (learner.ts trainLearner, as learn-from-folders.ts runs it) of `train`, then test messages
 * judged as the filer judges them (evaluate-message.ts spamJudge per batch: what each INBOX message
 * costs, MIME decoding aside).
 */
export async function measureSqliteLearner(train: LearnedMessage[], messages: SpamMessage[]): Promise<SqliteLearnerFigures> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "postern-bench-learner-"));
  process.env.POSTERN_DATA_DIR = dir;
  try {
    const account = "bench-learner@example.test";
    const trainStart = performance.now();
    await trainLearner(account, train);
    const trainMs = performance.now() - trainStart;
    const count = await dbWeightStore(account).count();
    forgetCachedModel(account); // as in a process that did not train it
    const firstStart = performance.now();
    await (await spamJudge(account))(messages[0], tokenize(messages[0]));
    const firstClassifyMs = performance.now() - firstStart;
    const tokenizeStart = performance.now();
    const rest = messages.slice(1).map((message) => ({ message, tokens: tokenize(message) }));
    const tokenizeMs = (performance.now() - tokenizeStart) / Math.max(1, rest.length);
    const judgeAll = async (explain: boolean) => {
      const start = performance.now();
      for (let i = 0; i < rest.length; i += FILING_BATCH) {
        const judge = await spamJudge(account);
        for (const m of rest.slice(i, i + FILING_BATCH)) await judge(m.message, m.tokens, { explain });
      }
      return (performance.now() - start) / Math.max(1, rest.length);
    };
    const classifyMs = await judgeAll(false);
    const explainMs = await judgeAll(true);
    const weights = await dbWeightStore(account).load();
    const scoreStart = performance.now();
    for (const m of rest) scoreTokens(weights, m.tokens);
    const scoreMs = (performance.now() - scoreStart) / Math.max(1, rest.length);
    return { weights: count, trainMs, trained: train.length, classified: messages.length, firstClassifyMs, classifyMs, explainMs, scoreMs, tokenizeMs };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
