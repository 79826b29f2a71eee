import { getDb } from "@/lib/db/client";
import { greatest, inJsonList } from "@/lib/db/dialect";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CorpusSize, TokenCounts } from "./graham";

/** A change to the counts: per-token occurrence deltas and message-count deltas (negative to
 * un-train). Training many messages at once sums them into one delta, one batched write. */
export type TrainingDelta = { tokens: Map<string, TokenCounts>; spamMessages: number; hamMessages: number };

export function emptyDelta(): TrainingDelta {
  return { tokens: new Map(), spamMessages: 0, hamMessages: 0 };
}

/** Adds one message's token occurrences to `delta` as spam or good mail; sign −1 takes them away. */
export function addToDelta(delta: TrainingDelta, label: "spam" | "ham", occurrences: Map<string, number>, sign: 1 | -1 = 1): void {
  for (const [token, n] of occurrences) {
    const d = delta.tokens.get(token) ?? { spam: 0, ham: 0 };
    d[label] += sign * n;
    delta.tokens.set(token, d);
  }
  if (label === "spam") delta.spamMessages += sign;
  else delta.hamMessages += sign;
}

export interface TokenStore {
  corpus(): Promise<CorpusSize>;
  /** Counts of the given tokens; unknown tokens are absent from the map. */
  counts(tokens: Iterable<string>): Promise<Map<string, TokenCounts>>;
  apply(delta: TrainingDelta): Promise<void>;
}

/** Counts in memory: the accuracy benchmark and unit tests. */
export class MemoryTokenStore implements TokenStore {
  readonly tokens = new Map<string, TokenCounts>();
  size: CorpusSize = { spamMessages: 0, hamMessages: 0 };

  async corpus(): Promise<CorpusSize> {
    return this.size;
  }
  async counts(tokens: Iterable<string>): Promise<Map<string, TokenCounts>> {
    const out = new Map<string, TokenCounts>();
    for (const t of tokens) {
      const c = this.tokens.get(t);
      if (c) out.set(t, c);
    }
    return out;
  }
  async apply(delta: TrainingDelta): Promise<void> {
    this.applySync(delta);
  }
  applySync(delta: TrainingDelta): void {
    for (const [token, d] of delta.tokens) {
      const c = this.tokens.get(token) ?? { spam: 0, ham: 0 };
      const next = { spam: Math.max(0, c.spam + d.spam), ham: Math.max(0, c.ham + d.ham) };
      if (next.spam || next.ham) this.tokens.set(token, next);
      else this.tokens.delete(token);
    }
    this.size = {
      spamMessages: Math.max(0, this.size.spamMessages + delta.spamMessages),
      hamMessages: Math.max(0, this.size.hamMessages + delta.hamMessages),
    };
  }
}

/** Rows per INSERT: 5 bound values each stays far below SQLite's 32766-variable limit. */
const UPSERT_BATCH = 400;
/** Tokens per lookup. */
const LOOKUP_BATCH = 2000;
/** A token seen fewer than MIN_OCCURRENCES times that nobody trained for this long is dropped. */
export const PRUNE_AFTER_DAYS = 90;

const zero = Prisma.sql`0`;

export const today = (now = Date.now()) => Math.floor(now / 86_400_000);

/** The account's counts in Postern's database (SpamToken, SpamCorpus). */
export function dbTokenStore(account: string): TokenStore & { prune(now?: number): Promise<number> } {
  const db = getDb();
  return {
    async corpus() {
      const row = await db.spamCorpus.findUnique({ where: { account } });
      return { spamMessages: row?.spamMessages ?? 0, hamMessages: row?.hamMessages ?? 0 };
    },

    async counts(tokens) {
      const all = [...new Set(tokens)];
      const out = new Map<string, TokenCounts>();
      for (let i = 0; i < all.length; i += LOOKUP_BATCH) {
        const rows = await db.$queryRaw<{ token: string; spamCount: number; hamCount: number }[]>`
          SELECT "token", "spamCount", "hamCount" FROM "SpamToken"
          WHERE "account" = ${account} AND "token" ${inJsonList(all.slice(i, i + LOOKUP_BATCH))}`;
        for (const r of rows) out.set(r.token, { spam: Number(r.spamCount), ham: Number(r.hamCount) });
      }
      return out;
    },

    async apply(delta) {
      const day = today();
      const entries = [...delta.tokens].filter(([, d]) => d.spam || d.ham);
      const writes: Prisma.PrismaPromise<unknown>[] = [];
      for (let i = 0; i < entries.length; i += UPSERT_BATCH) {
        const rows = entries.slice(i, i + UPSERT_BATCH).map(([token, d]) => Prisma.sql`(${account}, ${token}, ${d.spam}, ${d.ham}, ${day})`);
        // One statement per batch: a new token is inserted with its delta, a known one gets it added.
        writes.push(db.$executeRaw`
          INSERT INTO "SpamToken" ("account", "token", "spamCount", "hamCount", "lastTrained")
          VALUES ${Prisma.join(rows)}
          ON CONFLICT ("account", "token") DO UPDATE SET
            "spamCount" = ${greatest(zero, Prisma.sql`"SpamToken"."spamCount" + excluded."spamCount"`)},
            "hamCount" = ${greatest(zero, Prisma.sql`"SpamToken"."hamCount" + excluded."hamCount"`)},
            "lastTrained" = excluded."lastTrained"`);
      }
      writes.push(
        db.$executeRaw`
          INSERT INTO "SpamCorpus" ("account", "spamMessages", "hamMessages") VALUES (${account}, ${Math.max(0, delta.spamMessages)}, ${Math.max(0, delta.hamMessages)})
          ON CONFLICT ("account") DO UPDATE SET
            "spamMessages" = ${greatest(zero, Prisma.sql`"SpamCorpus"."spamMessages" + ${delta.spamMessages}`)},
            "hamMessages" = ${greatest(zero, Prisma.sql`"SpamCorpus"."hamMessages" + ${delta.hamMessages}`)}`,
      );
      if (entries.some(([, d]) => d.spam < 0 || d.ham < 0)) {
        // Un-training a token that was pruned meanwhile inserted a negative count: clamp it, and
        // forget tokens nothing counts any more.
        writes.push(db.$executeRaw`UPDATE "SpamToken" SET "spamCount" = ${greatest(zero, Prisma.sql`"spamCount"`)}, "hamCount" = ${greatest(zero, Prisma.sql`"hamCount"`)}
          WHERE "account" = ${account} AND ("spamCount" < 0 OR "hamCount" < 0)`);
        writes.push(db.$executeRaw`DELETE FROM "SpamToken" WHERE "account" = ${account} AND "spamCount" = 0 AND "hamCount" = 0`);
      }
      await db.$transaction(writes);
    },

    /** Drops rare tokens (seen fewer than 5 times) not trained for PRUNE_AFTER_DAYS: they cannot
     * decide anything yet and would otherwise pile up (one-off message ids, random strings). */
    async prune(now = Date.now()) {
      return db.$executeRaw`
        DELETE FROM "SpamToken" WHERE "account" = ${account} AND "lastTrained" < ${today(now) - PRUNE_AFTER_DAYS}
          AND "spamCount" + "hamCount" < 5`;
    },
  };
}
