import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { classifyTokens, type GrahamOptions } from "@/lib/spam/graham";
import type { SpamMessage } from "@/lib/spam/spam-message";
import { dbTokenStore, type TrainingDelta } from "@/lib/spam/token-store";
import { tokenize } from "@/lib/spam/tokenize";

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
