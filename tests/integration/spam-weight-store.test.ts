import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { addChanges, emptyModel, encodeModel } from "@/lib/spam/sparse-model";
import { dbWeightStore, NEGLIGIBLE_WEIGHT } from "@/lib/spam/weight-store";

// The default learner's weight store against Postern's real SQLite database. No mail server.
const ACCOUNT = "weight-store@example.test";
const store = dbWeightStore(ACCOUNT);

beforeAll(async () => {
  await store.forget();
});

describe("dbWeightStore", () => {
  it("writes changes as increments in batches, so two writers' steps add up", async () => {
    const first = await store.load();
    for (let slot = 1; slot <= 1200; slot++) first.add(slot, slot / 1000);
    const second = await store.load(); // read before the first one writes
    second.add(5, 1);
    await store.save(first);
    await store.save(second);
    const read = await store.load();
    expect(read.get(5)).toBeCloseTo(1.005, 6);
    expect(read.get(7)).toBeCloseTo(0.007, 6);
    expect(read.get(1200)).toBeCloseTo(1.2, 6);
    expect(read.get(5000)).toBe(0);
  });

  it("prunes to a bound: negligible weights go, then the smallest; the bias (slot 0) stays", async () => {
    const w = await store.load();
    w.add(0, NEGLIGIBLE_WEIGHT / 10);
    w.add(3000, NEGLIGIBLE_WEIGHT / 10);
    await store.save(w);
    await store.prune(100);
    expect(await store.count()).toBe(101); // 100 weights and the bias
    const read = await store.load();
    expect(read.get(1200)).toBeCloseTo(1.2, 6); // the largest survive
    expect(read.get(1101)).toBeCloseTo(1.101, 6);
    expect(read.get(1100)).toBe(0); // the 101st largest
    expect(read.get(1)).toBe(0);
    expect(read.get(3000)).toBe(0);
    expect(read.get(0)).toBeCloseTo(NEGLIGIBLE_WEIGHT / 10, 8);
  });

  it("takes ten writers at once: every increment lands (compare-and-set, retried)", async () => {
    await store.forget();
    await Promise.all(
      Array.from({ length: 10 }, async () => {
        const w = await store.load();
        w.add(42, 1);
        await store.save(w);
      }),
    );
    expect((await store.load()).get(42)).toBeCloseTo(10, 5);
  });

  it("sees another process's training at its next read (the row's version moved)", async () => {
    const before = await store.load();
    expect(before.get(77)).toBe(0);
    // what another Postern process writes: a new model under the next version
    const row = await getDb().spamModel.findUniqueOrThrow({ where: { account: ACCOUNT } });
    const bytes = encodeModel(addChanges(emptyModel(), new Map([[77, 2.5]])));
    await getDb().spamModel.update({ where: { account: ACCOUNT }, data: { version: row.version + 1, slots: bytes.slots, weights: bytes.weights } });
    expect((await store.load()).get(77)).toBe(2.5);
    await getDb().spamModel.delete({ where: { account: ACCOUNT } });
    expect((await store.load()).get(77)).toBe(0); // forgotten elsewhere: not served from memory
  });

  it("moves weights stored one row per slot (before migration 0018) into the model once", async () => {
    const legacy = "weight-store-legacy@example.test";
    const db = getDb();
    await dbWeightStore(legacy).forget();
    await db.spamWeight.createMany({ data: [{ account: legacy, slot: 0, weight: 0.25 }, { account: legacy, slot: 900, weight: -1.5 }] });
    const read = await dbWeightStore(legacy).load();
    expect(read.get(0)).toBe(0.25);
    expect(read.get(900)).toBe(-1.5);
    expect(await db.spamWeight.count({ where: { account: legacy } })).toBe(0);
    expect(await dbWeightStore(legacy).count()).toBe(2);
  });
});
