import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { dbWeightStore, NEGLIGIBLE_WEIGHT } from "@/lib/spam/weight-store";

// The default learner's weight store against Postern's real SQLite database. No mail server.
const ACCOUNT = "weight-store@example.test";
const store = dbWeightStore(ACCOUNT);

beforeAll(async () => {
  await getDb().spamWeight.deleteMany({ where: { account: ACCOUNT } });
});

describe("dbWeightStore", () => {
  it("writes changes as increments in batches, so two writers' steps add up", async () => {
    const first = await store.load([]);
    for (let slot = 1; slot <= 1200; slot++) first.add(slot, slot / 1000);
    const second = await store.load([5, 7]); // read before the first one writes
    second.add(5, 1);
    await store.save(first);
    await store.save(second);
    const read = await store.load([5, 7, 1200, 5000]);
    expect(read.get(5)).toBeCloseTo(1.005, 6);
    expect(read.get(7)).toBeCloseTo(0.007, 6);
    expect(read.get(1200)).toBeCloseTo(1.2, 6);
    expect(read.get(5000)).toBe(0);
  });

  it("prunes to a bound: negligible weights go, then the smallest; the bias (slot 0) stays", async () => {
    const w = await store.load([0]);
    w.add(0, NEGLIGIBLE_WEIGHT / 10);
    w.add(3000, NEGLIGIBLE_WEIGHT / 10);
    await store.save(w);
    await store.prune(100);
    expect(await store.count()).toBe(101); // 100 weights and the bias
    const read = await store.load([0, 1, 1100, 1101, 1200, 3000]);
    expect(read.get(1200)).toBeCloseTo(1.2, 6); // the largest survive
    expect(read.get(1101)).toBeCloseTo(1.101, 6);
    expect(read.get(1100)).toBe(0); // the 101st largest
    expect(read.get(1)).toBe(0);
    expect(read.get(3000)).toBe(0);
    expect(read.get(0)).toBeCloseTo(NEGLIGIBLE_WEIGHT / 10, 8);
  });
});
