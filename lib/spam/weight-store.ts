import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { WeightTable } from "./logistic";
import { inJsonIntList } from "@/lib/db/dialect";

/** Slots per lookup (one JSON parameter each). */
const LOOKUP_BATCH = 2000;
/** Rows per INSERT: 3 bound values each. */
const UPSERT_BATCH = 500;
/** Weights smaller than this say nothing and are dropped when pruning. */
export const NEGLIGIBLE_WEIGHT = 1e-3;
/** Most weights kept per account (about 30 bytes a row): the largest in size survive a prune. A
 * year of one person's mail uses fewer; this bounds a flood of random-word spam. */
export const MAX_WEIGHTS = 300_000;

/** Weights read from the store for a set of slots, with the changes made to them kept apart so
 * that only those are written back (as deltas: another process's update to the same slot adds up
 * instead of being overwritten). */
export type LoadedWeights = WeightTable & { changes: Map<number, number> };

export function loadedWeights(known: Map<number, number>): LoadedWeights {
  const changes = new Map<number, number>();
  return {
    changes,
    get: (slot) => (known.get(slot) ?? 0) + (changes.get(slot) ?? 0),
    add: (slot, d) => void changes.set(slot, (changes.get(slot) ?? 0) + d),
  };
}

/** The account's learner weights in Postern's database (SpamWeight). */
export function dbWeightStore(account: string) {
  const db = getDb();
  return {
    /** Weights of the given slots (and the bias, slot 0); absent slots weigh 0. */
    async load(slots: Iterable<number>): Promise<LoadedWeights> {
      const all = [...new Set([0, ...slots])];
      const known = new Map<number, number>();
      for (let i = 0; i < all.length; i += LOOKUP_BATCH) {
        const rows = await db.$queryRaw<{ slot: number; weight: number }[]>`
          SELECT "slot", "weight" FROM "SpamWeight"
          WHERE "account" = ${account} AND "slot" ${inJsonIntList(all.slice(i, i + LOOKUP_BATCH))}`;
        for (const r of rows) known.set(Number(r.slot), Number(r.weight));
      }
      return loadedWeights(known);
    },

    /** Adds the changes to the stored weights, one transaction. */
    async save(weights: LoadedWeights): Promise<void> {
      const entries = [...weights.changes].filter(([, d]) => d !== 0 && Number.isFinite(d));
      const writes: Prisma.PrismaPromise<unknown>[] = [];
      for (let i = 0; i < entries.length; i += UPSERT_BATCH) {
        const rows = entries.slice(i, i + UPSERT_BATCH).map(([slot, d]) => Prisma.sql`(${account}, ${slot}, ${d})`);
        writes.push(db.$executeRaw`
          INSERT INTO "SpamWeight" ("account", "slot", "weight") VALUES ${Prisma.join(rows)}
          ON CONFLICT ("account", "slot") DO UPDATE SET "weight" = "SpamWeight"."weight" + excluded."weight"`);
      }
      if (writes.length) await db.$transaction(writes);
      weights.changes.clear();
    },

    /** Drops negligible weights, then the smallest beyond MAX_WEIGHTS (the bias always stays). */
    async prune(max = MAX_WEIGHTS): Promise<void> {
      await db.$executeRaw`DELETE FROM "SpamWeight" WHERE "account" = ${account} AND "slot" <> 0 AND abs("weight") < ${NEGLIGIBLE_WEIGHT}`;
      const count = await db.spamWeight.count({ where: { account, slot: { not: 0 } } });
      if (count <= max) return;
      await db.$executeRaw`
        DELETE FROM "SpamWeight" WHERE "account" = ${account} AND "slot" <> 0 AND "slot" IN (
          SELECT "slot" FROM "SpamWeight" WHERE "account" = ${account} AND "slot" <> 0 ORDER BY abs("weight") ASC LIMIT ${count - max})`;
    },

    async count(): Promise<number> {
      return db.spamWeight.count({ where: { account } });
    },

    async forget(): Promise<void> {
      await db.spamWeight.deleteMany({ where: { account } });
    },
  };
}
