import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { useTempDatabase } from "@/tests/fixtures/temp-database";
import { FailureLimiter, MAX_LOCKOUT_MS, purgeFailureCounts } from "./failure-limiter";

// The counts live in the database every process shares: a real one, with the real migrations.
useTempDatabase("failure-limiter");

const MIN = 60_000;

describe("FailureLimiter back-off", () => {
  it("locks a key out for twice as long each time it comes back to the limit", async () => {
    const l = new FailureLimiter("t1", 2, MIN);
    await l.recordFailure(["k"], 0);
    await l.recordFailure(["k"], 1);
    expect(await l.retryAfter(["k"], 1)).toBe(60); // first lockout: the window
    expect(await l.retryAfter(["k"], MIN)).toBe(0);
    await l.recordFailure(["k"], MIN + 10);
    expect(await l.retryAfter(["k"], MIN + 11)).toBe(0); // one failure is not the limit
    await l.recordFailure(["k"], MIN + 20);
    expect(await l.retryAfter(["k"], MIN + 20)).toBe(120); // second: twice as long
    await l.recordFailure(["k"], 3 * MIN + 30);
    await l.recordFailure(["k"], 3 * MIN + 40);
    expect(await l.retryAfter(["k"], 3 * MIN + 40)).toBe(240); // third: four times
  });

  it("never locks out for more than a day, and a success or a quiet day starts afresh", async () => {
    const l = new FailureLimiter("t2", 1, MIN);
    let t = 0;
    for (let i = 0; i < 20; i++) {
      await l.recordFailure(["k"], t);
      t += (await l.retryAfter(["k"], t)) * 1000;
    }
    expect((await l.retryAfter(["k"], t - 1)) * 1000).toBeLessThanOrEqual(MAX_LOCKOUT_MS);
    await l.recordSuccess(["k"]);
    await l.recordFailure(["k"], t);
    expect(await l.retryAfter(["k"], t)).toBe(60);
    const later = t + 60 * MIN + 25 * 60 * MIN;
    await l.recordFailure(["k"], later);
    expect(await l.retryAfter(["k"], later)).toBe(60);
  });

  it("keeps each scope's keys apart, and works with real clock values", async () => {
    const now = Date.now();
    const a = new FailureLimiter("scope-a", 1, MIN);
    const b = new FailureLimiter("scope-b", 1, MIN);
    await a.recordFailure(["ip:1"], now);
    expect(await a.retryAfter(["ip:1"], now)).toBe(60);
    expect(await b.retryAfter(["ip:1"], now)).toBe(0);
  });

  it("counts failures arriving at once exactly, and locks out once", async () => {
    const now = Date.now();
    const counting = new FailureLimiter("count", 100, MIN);
    await Promise.all(Array.from({ length: 25 }, (_, i) => counting.recordFailure(["k"], now + i)));
    expect((await getDb().failureCount.findUniqueOrThrow({ where: { key: "count:k" } })).failures).toBe(25);

    const l = new FailureLimiter("burst", 10, MIN);
    await Promise.all(Array.from({ length: 25 }, (_, i) => l.recordFailure(["k"], now + i)));
    expect((await getDb().failureCount.findUniqueOrThrow({ where: { key: "burst:k" } })).lockouts).toBe(1);
    expect(await l.retryAfter(["k"], now + 25)).toBe(60);
  });

  it("forgets keys quiet for a day", async () => {
    const l = new FailureLimiter("old", 5, MIN);
    await l.recordFailure(["k"], 1000);
    expect(await purgeFailureCounts(1000 + 25 * 60 * MIN)).toBeGreaterThanOrEqual(1);
    expect(await getDb().failureCount.findUnique({ where: { key: "old:k" } })).toBeNull();
  });
});
