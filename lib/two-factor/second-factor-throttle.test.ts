import { describe, expect, it } from "vitest";
import { secondFactorBackoffMs } from "./second-factor-throttle";

describe("secondFactorBackoffMs", () => {
  it("lets five tries through, then waits 30 s, doubling up to an hour", () => {
    expect([0, 1, 4].map(secondFactorBackoffMs)).toEqual([0, 0, 0]);
    expect([5, 6, 7].map(secondFactorBackoffMs)).toEqual([30_000, 60_000, 120_000]);
    expect(secondFactorBackoffMs(30)).toBe(3600_000);
  });
});
