import { describe, expect, it } from "vitest";
import { mergeNewest, type Head } from "./merge-newest";

const list = (source: number, arrivals: number[]): Head[] => arrivals.map((arrived, at) => ({ source, at, arrived }));

describe("mergeNewest", () => {
  it("interleaves mailboxes by arrival, newest first, and stops at `take`", () => {
    const merged = mergeNewest([list(0, [50, 30, 10]), list(1, [40, 20]), list(2, [])], 4);
    expect(merged.map((h) => [h.source, h.arrived])).toEqual([[0, 50], [1, 40], [0, 30], [1, 20]]);
  });

  it("keeps each mailbox's own order when its dates are out of order (messages appended with old dates)", () => {
    const merged = mergeNewest([list(0, [10, 90]), list(1, [50])], 3);
    expect(merged.map((h) => [h.source, h.at])).toEqual([[1, 0], [0, 0], [0, 1]]);
  });

  it("gives ties to the earlier mailbox and ends when every list is used up", () => {
    expect(mergeNewest([list(0, [5]), list(1, [5])], 10).map((h) => h.source)).toEqual([0, 1]);
    expect(mergeNewest([], 10)).toEqual([]);
  });
});
