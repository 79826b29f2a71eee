import { describe, expect, it } from "vitest";
import { pageRange } from "./list-messages";

describe("pageRange", () => {
  it("puts the newest messages (highest sequence numbers) on page 1", () => {
    expect(pageRange(200, 1, 50)).toEqual({ page: 1, pageCount: 4, start: 151, end: 200 });
    expect(pageRange(200, 4, 50)).toEqual({ page: 4, pageCount: 4, start: 1, end: 50 });
  });
  it("gives a short last page", () => {
    expect(pageRange(120, 3, 50)).toEqual({ page: 3, pageCount: 3, start: 1, end: 20 });
  });
  it("clamps pages out of range instead of failing", () => {
    expect(pageRange(120, 99, 50).page).toBe(3);
    expect(pageRange(120, 0, 50).page).toBe(1);
    expect(pageRange(120, Number.NaN, 50).page).toBe(1);
  });
  it("handles an empty folder", () => {
    expect(pageRange(0, 1, 50)).toEqual({ page: 1, pageCount: 1, start: 1, end: 0 });
  });
  it("costs one page on a 100,000-message folder, whatever the page", () => {
    expect(pageRange(100_000, 1000, 50)).toEqual({ page: 1000, pageCount: 2000, start: 50_001, end: 50_050 });
  });
});
