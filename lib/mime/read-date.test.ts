import { describe, expect, it } from "vitest";
import { readDate } from "@/lib/mime/read-date";

describe("readDate", () => {
  it("reads RFC 5322 dates, folded and with a zone comment", () => {
    expect(readDate([{ key: "date", line: "Date: Tue, 4 Mar 2025\r\n 10:20:30 +0100 (CET)" }])).toBe("2025-03-04T09:20:30.000Z");
  });

  it("is null for an unreadable date and undefined when there is none", () => {
    expect(readDate([{ key: "date", line: "Date: yesterday-ish" }])).toBeNull();
    expect(readDate([{ key: "date", line: "Date:" }])).toBeNull();
    expect(readDate([{ key: "subject", line: "Subject: x" }])).toBeUndefined();
  });
});
