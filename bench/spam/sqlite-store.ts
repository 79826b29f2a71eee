import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { classifyTokens, type GrahamOptions } from "@/lib/spam/graham";
import type { SpamMessage } from "@/lib/spam/spam-message";
import { dbTokenStore, type TrainingDelta } from "@/lib/spam/token-store";
import { tokenize } from "@/lib/spam/tokenize";
import { scoreWithLearner, slotsOf } from "@/lib/spam/learner";
import { LOGISTIC_DEFAULTS, trainModel } from "@/lib/spam/logistic";
import { dbWeightStore, loadedWeights } from "@/lib/spam/weight-store";

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

export type SqliteLearnerFigures = { weights: number; trainMs: number; writeMs: number; classified: number; classifyMs: number };

/**
 * The default learner's production path: bootstrap-style training of the training half
 * (trainModel over the stored weights, as learn-from-folders.ts does), the weights written to a
 * scratch SQLite database (weight-store.ts), then test messages judged with their weights looked
 * up there (learner.ts scoreWithLearner: what each INBOX message costs, MIME decoding aside).
 */
export async function measureSqliteLearner(train: { tokens: string[]; label: "spam" | "ham" }[], messages: SpamMessage[]): Promise<SqliteLearnerFigures> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "postern-bench-learner-"));
  process.env.POSTERN_DATA_DIR = dir;
  try {
    const account = "bench-learner@example.test";
    const store = dbWeightStore(account);
    const trainStart = performance.now();
    const weights = loadedWeights(new Map());
    trainModel(weights, train.map((t) => ({ label: t.label, slots: slotsOf(t.tokens) })), LOGISTIC_DEFAULTS);
    const trainMs = performance.now() - trainStart;
    const writeStart = performance.now();
    await store.save(weights);
    await store.prune();
    const writeMs = performance.now() - writeStart;
    const count = await store.count();
    const start = performance.now();
    for (const m of messages) await scoreWithLearner(account, tokenize(m));
    return { weights: count, trainMs, writeMs, classified: messages.length, classifyMs: performance.now() - start };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
