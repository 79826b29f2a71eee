import { describe, expect, it } from "vitest";
import { FailureLimiter, MAX_LOCKOUT_MS } from "./failure-limiter";

const MIN = 60_000;

describe("FailureLimiter back-off", () => {
  it("locks a key out for twice as long each time it comes back to the limit", () => {
    const l = new FailureLimiter(2, MIN);
    l.recordFailure(["k"], 0);
    l.recordFailure(["k"], 1);
    expect(l.retryAfter(["k"], 1)).toBe(60); // first lockout: the window
    expect(l.retryAfter(["k"], MIN)).toBe(0);
    l.recordFailure(["k"], MIN + 10);
    expect(l.retryAfter(["k"], MIN + 11)).toBe(0); // one failure is not the limit
    l.recordFailure(["k"], MIN + 20);
    expect(l.retryAfter(["k"], MIN + 20)).toBe(120); // second: twice as long
    l.recordFailure(["k"], 3 * MIN + 30);
    l.recordFailure(["k"], 3 * MIN + 40);
    expect(l.retryAfter(["k"], 3 * MIN + 40)).toBe(240); // third: four times
  });

  it("never locks out for more than a day, and a success or a quiet day starts afresh", () => {
    const l = new FailureLimiter(1, MIN);
    let t = 0;
    for (let i = 0; i < 20; i++) {
      l.recordFailure(["k"], t);
      t += l.retryAfter(["k"], t) * 1000;
    }
    expect(l.retryAfter(["k"], t - 1) * 1000).toBeLessThanOrEqual(MAX_LOCKOUT_MS);
    l.recordSuccess(["k"]);
    l.recordFailure(["k"], t);
    expect(l.retryAfter(["k"], t)).toBe(60);
    const later = t + 60 * MIN + 25 * 60 * MIN;
    l.recordFailure(["k"], later);
    expect(l.retryAfter(["k"], later)).toBe(60);
  });
});
