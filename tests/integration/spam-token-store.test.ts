import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { addToDelta, dbTokenStore, emptyDelta, PRUNE_AFTER_DAYS } from "@/lib/spam/token-store";

// The production token store against Postern's real SQLite database (migrations applied as at
// start-up). No mail server involved: an account of its own.
const ACCOUNT = "token-store@example.test";
const store = dbTokenStore(ACCOUNT);

beforeAll(async () => {
  await getDb().spamToken.deleteMany({ where: { account: ACCOUNT } });
  await getDb().spamCorpus.deleteMany({ where: { account: ACCOUNT } });
});

describe("dbTokenStore", () => {
  it("adds a message's occurrences in batches (more tokens than one INSERT holds) and reads them back", async () => {
    const tokens = new Map<string, number>(Array.from({ length: 1000 }, (_, i) => [`t${i}`, (i % 3) + 1]));
    tokens.set("it's $5!", 2);
    const delta = emptyDelta();
    addToDelta(delta, "spam", tokens);
    addToDelta(delta, "ham", new Map([["t0", 4]]));
    await store.apply(delta);
    expect(await store.corpus()).toEqual({ spamMessages: 1, hamMessages: 1 });
    expect(await getDb().spamToken.count({ where: { account: ACCOUNT } })).toBe(1001);
    const counts = await store.counts(["t0", "t1", "t999", "it's $5!", "unknown"]);
    expect(counts.get("t0")).toEqual({ spam: 1, ham: 4 });
    expect(counts.get("t1")).toEqual({ spam: 2, ham: 0 });
    expect(counts.get("t999")).toEqual({ spam: 1, ham: 0 });
    expect(counts.get("it's $5!")).toEqual({ spam: 2, ham: 0 });
    expect(counts.has("unknown")).toBe(false);
  });

  it("adds to what is there, and un-training takes it away again, forgetting tokens nothing counts", async () => {
    const again = emptyDelta();
    addToDelta(again, "spam", new Map([["t1", 3]]));
    await store.apply(again);
    expect((await store.counts(["t1"])).get("t1")).toEqual({ spam: 5, ham: 0 });

    const undo = emptyDelta();
    addToDelta(undo, "spam", new Map([["t1", 3]]), -1);
    addToDelta(undo, "ham", new Map([["t0", 4], ["gone", 2]]), -1);
    await store.apply(undo);
    expect(await store.corpus()).toEqual({ spamMessages: 1, hamMessages: 0 });
    const counts = await store.counts(["t0", "t1", "gone"]);
    expect(counts.get("t1")).toEqual({ spam: 2, ham: 0 });
    expect(counts.get("t0")).toEqual({ spam: 1, ham: 0 });
    // un-training a token that was never (or no longer) counted leaves nothing behind
    expect(counts.has("gone")).toBe(false);
  });

  it("prunes rare tokens nobody trained for a long time, and keeps the rest", async () => {
    await getDb().spamToken.updateMany({ where: { account: ACCOUNT, token: { in: ["t1", "t2"] } }, data: { lastTrained: 0 } });
    await getDb().spamToken.update({ where: { account_token: { account: ACCOUNT, token: "t2" } }, data: { spamCount: 9 } });
    const pruned = await store.prune(Date.now());
    expect(pruned).toBe(1); // t1: seen twice, trained in 1970; t2 is old but seen 9 times
    const counts = await store.counts(["t1", "t2", "t3"]);
    expect(counts.has("t1")).toBe(false);
    expect(counts.get("t2")).toEqual({ spam: 9, ham: 0 });
    expect(counts.has("t3")).toBe(true);
    expect(PRUNE_AFTER_DAYS).toBeGreaterThan(0);
  });
});
