import { getDb } from "@/lib/db/client";
import type { WeightTable } from "./logistic";
import { cachedModel, forgetCachedModel, rememberModel } from "./model-cache";
import { addChanges, decodeModel, emptyModel, encodeModel, pruneModel, weightOf, type SparseModel } from "./sparse-model";

/** Weights smaller than this say nothing and are dropped when pruning. */
export const NEGLIGIBLE_WEIGHT = 1e-3;
/** Most weights kept per account (8 bytes each): the largest in size survive a prune. A year of
 * one person's mail uses fewer; this bounds a flood of random-word spam. */
export const MAX_WEIGHTS = 300_000;
/** Writers that lost the compare-and-set this many times in a row give up (a clear error). */
const WRITE_ATTEMPTS = 20;
/** Before trying again, a random wait of up to this many ms per lost attempt, so that writers
 * that collided do not collide again in step. */
const RETRY_JITTER_MS = 10;

/** Weights as read from the store, with the changes made to them kept apart so that only those
 * are written back, as increments: another process's update meanwhile adds up instead of being
 * overwritten. */
export type LoadedWeights = WeightTable & { changes: Map<number, number> };

export function loadedWeights(known: Map<number, number> | SparseModel): LoadedWeights {
  const base = known instanceof Map ? (slot: number) => known.get(slot) ?? 0 : (slot: number) => weightOf(known, slot);
  const changes = new Map<number, number>();
  return {
    changes,
    get: (slot) => base(slot) + (changes.get(slot) ?? 0),
    add: (slot, d) => void changes.set(slot, (changes.get(slot) ?? 0) + d),
  };
}

type Versioned = { version: number; model: SparseModel };

/** Accounts found without rows of the per-slot table (SpamWeight). Nothing writes that table
 * since migration 0018 (it is only moved and deleted), so an account without rows stays without:
 * remembering it in memory is right whatever other processes do, and spares an untrained
 * account's every judgement a query. Bounded: one short string per account judged. */
const noLegacyRows = new Set<string>();

/**
 * The account's learner weights in Postern's database: one SpamModel row, kept in memory per
 * process (model-cache.ts). Every read asks the row's version first (one integer), so a model
 * another process trained since is read again before it judges anything; every write is a
 * compare-and-set on that version, retried on a fresh read when another writer came first.
 */
export function dbWeightStore(account: string) {
  const db = getDb();

  async function read(): Promise<Versioned> {
    const row = await db.spamModel.findUnique({ where: { account }, select: { version: true } });
    if (!row) {
      forgetCachedModel(account);
      return (await moveLegacyRows()) ? read() : { version: 0, model: emptyModel() };
    }
    const cached = cachedModel(account, row.version);
    if (cached) return { version: row.version, model: cached };
    const full = await db.spamModel.findUnique({ where: { account } });
    if (!full) return read();
    const model = decodeModel(full.slots, full.weights);
    rememberModel(account, full.version, model);
    return { version: full.version, model };
  }

  /** Weights stored one row per slot (before migration 0018) become the account's model, once. */
  async function moveLegacyRows(): Promise<boolean> {
    if (noLegacyRows.has(account)) return false;
    const rows = await db.spamWeight.findMany({ where: { account }, orderBy: { slot: "asc" }, select: { slot: true, weight: true } });
    if (!rows.length) {
      noLegacyRows.add(account);
      return false;
    }
    const model = addChanges(emptyModel(), new Map(rows.map((r) => [r.slot, r.weight])));
    await db.$transaction([insertRow(model), db.spamWeight.deleteMany({ where: { account } })]);
    return true;
  }

  function insertRow(model: SparseModel) {
    const bytes = encodeModel(model);
    return db.$executeRaw`
      INSERT INTO "SpamModel" ("account", "version", "slots", "weights", "updatedAt")
      VALUES (${account}, 1, ${bytes.slots}, ${bytes.weights}, ${new Date()})
      ON CONFLICT ("account") DO NOTHING`;
  }

  /** Replaces the model with change(model), unless that returns null (nothing to write). */
  async function write(change: (model: SparseModel) => SparseModel | null): Promise<void> {
    for (let attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
      const current = await read();
      const next = change(current.model);
      if (!next) return;
      const bytes = encodeModel(next);
      const written =
        current.version === 0
          ? await insertRow(next)
          : (
              await db.spamModel.updateMany({
                where: { account, version: current.version },
                data: { version: current.version + 1, slots: bytes.slots, weights: bytes.weights, updatedAt: new Date() },
              })
            ).count;
      if (written === 1) {
        rememberModel(account, current.version + 1, next);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, Math.random() * RETRY_JITTER_MS * (attempt + 1)));
    }
    throw new Error(`The spam filter's weights of ${account} are being changed by too many writers at once; try again.`);
  }

  return {
    /** The account's weights, with a place for changes to them. */
    async load(): Promise<LoadedWeights> {
      return loadedWeights((await read()).model);
    },

    /** The model itself, read-only (for a dense copy to learn many messages at once). */
    async model(): Promise<SparseModel> {
      return (await read()).model;
    },

    /** Adds the changes to the stored weights (pruned to `prune` weights when given), one write. */
    async save(weights: Pick<LoadedWeights, "changes">, options: { prune?: number } = {}): Promise<void> {
      if (!weights.changes.size && options.prune === undefined) return;
      await write((model) => {
        const changed = addChanges(model, weights.changes);
        return options.prune === undefined ? changed : pruneModel(changed, options.prune, NEGLIGIBLE_WEIGHT);
      });
      weights.changes.clear();
    },

    /** Drops negligible weights, then the smallest beyond `max` (the bias always stays). */
    async prune(max = MAX_WEIGHTS): Promise<void> {
      await write((model) => {
        const pruned = pruneModel(model, max, NEGLIGIBLE_WEIGHT);
        return pruned.slots.length === model.slots.length ? null : pruned;
      });
    },

    async count(): Promise<number> {
      return (await read()).model.slots.length;
    },

    async forget(): Promise<void> {
      await db.$transaction([db.spamModel.deleteMany({ where: { account } }), db.spamWeight.deleteMany({ where: { account } })]);
      forgetCachedModel(account);
    },
  };
}
