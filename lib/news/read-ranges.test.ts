import { describe, expect, it } from "vitest";
import { addRanges, countReadIn, formatRanges, isRead, parseRanges, removeRange, unreadCount } from "./read-ranges";

describe("parseRanges / formatRanges", () => {
  it("round-trips and merges adjacent and overlapping ranges", () => {
    expect(formatRanges(parseRanges("9-12,1-5,6,14,13"))).toBe("1-6,9-14");
    expect(formatRanges(parseRanges("3-4,1-2,5"))).toBe("1-5");
    expect(formatRanges(parseRanges("1-3,7,10-12"))).toBe("1-3,7,10-12");
  });
  it("drops damaged parts instead of failing", () => {
    expect(formatRanges(parseRanges("x,5-3,0,2-4,,-1,99999999999999999999"))).toBe("2-4");
  });
});

describe("addRanges / removeRange / isRead", () => {
  it("marks and unmarks single articles", () => {
    let r = addRanges([], [[5, 5], [7, 7]]);
    r = addRanges(r, [[6, 6]]);
    expect(formatRanges(r)).toBe("5-7");
    r = removeRange(r, [6, 6]);
    expect(formatRanges(r)).toBe("5,7");
    expect(isRead(r, 5)).toBe(true);
    expect(isRead(r, 6)).toBe(false);
  });
  it("stays compact when a reader skips around a huge group", () => {
    let r = parseRanges("");
    for (let n = 1; n < 20_000; n += 2) r = addRanges(r, [[n, n]]);
    expect(r.length).toBeLessThanOrEqual(500);
    expect(isRead(r, 19_999)).toBe(true);
  });
});

describe("unreadCount", () => {
  it("counts only what lies in the group's current range", () => {
    const r = parseRanges("1-100,150");
    expect(countReadIn(r, 90, 200)).toBe(12);
    expect(unreadCount(r, { count: 111, low: 90, high: 200 })).toBe(99);
    expect(unreadCount(r, { count: 0, low: 201, high: 200 })).toBe(0);
  });
});
