import { describe, expect, it } from "vitest";
import { toUidRanges } from "./uid-ranges";

describe("toUidRanges", () => {
  it("joins consecutive UIDs into ranges, sorted and without duplicates", () => {
    expect(toUidRanges([9, 4, 5, 6, 12, 5, 20, 21])).toEqual(["4:6,9,12,20:21"]);
  });
  it("splits long sets so no command line grows without bound", () => {
    expect(toUidRanges([1, 3, 5, 7, 9], 2)).toEqual(["1,3", "5,7", "9"]);
    expect(toUidRanges(Array.from({ length: 100_000 }, (_, i) => i + 1))).toEqual(["1:100000"]);
  });
  it("gives nothing for nothing", () => {
    expect(toUidRanges([])).toEqual([]);
  });
});
