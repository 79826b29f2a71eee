import { describe, expect, it } from "vitest";
import { conditionSchema, vacationSchema } from "./filter-rules";

describe("filter rule validation", () => {
  it("takes sizes as whole KB, over or under", () => {
    expect(conditionSchema.safeParse({ field: "size", op: "over", value: "500" }).success).toBe(true);
    expect(conditionSchema.safeParse({ field: "size", op: "contains", value: "500" }).success).toBe(false);
    expect(conditionSchema.safeParse({ field: "size", op: "over", value: "5M" }).success).toBe(false);
  });

  it("needs a header name without colon or space for any-header conditions", () => {
    expect(conditionSchema.safeParse({ field: "header", header: "List-Id", op: "contains", value: "x" }).success).toBe(true);
    expect(conditionSchema.safeParse({ field: "header", header: "List Id", op: "contains", value: "x" }).success).toBe(false);
    expect(conditionSchema.safeParse({ field: "header", header: "X:Y", op: "contains", value: "x" }).success).toBe(false);
  });

  it("refuses an empty text condition and a size operator on text", () => {
    expect(conditionSchema.safeParse({ field: "from", op: "contains", value: "  " }).success).toBe(false);
    expect(conditionSchema.safeParse({ field: "subject", op: "over", value: "x" }).success).toBe(false);
  });

  it("wants a vacation text when on, and a range in order", () => {
    const v = { enabled: true, subject: "", body: "Away", start: "2026-12-01", end: "2026-12-10", days: 7 };
    expect(vacationSchema.safeParse(v).success).toBe(true);
    expect(vacationSchema.safeParse({ ...v, body: "" }).success).toBe(false);
    expect(vacationSchema.safeParse({ ...v, start: "2026-12-11" }).success).toBe(false);
    expect(vacationSchema.safeParse({ ...v, days: 0 }).success).toBe(false);
  });
});
