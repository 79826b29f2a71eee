import { describe, expect, it } from "vitest";
import { toImapSearch, listQuerySchema } from "./list-query";
import { isFixedSearch } from "./ordered-uids";

const search = (q: Record<string, string>) => toImapSearch(listQuerySchema.parse(q));

describe("isFixedSearch (may a search's answer be remembered until mail arrives or leaves?)", () => {
  it("yes for what never changes in a message: text, addresses, dates, size, attachment header", () => {
    expect(isFixedSearch(null)).toBe(true);
    expect(isFixedSearch(search({ q: "budget" }))).toBe(true);
    expect(isFixedSearch(search({ q: "budget", in: "all", attachment: "1", since: "2024-01-01", before: "2025-01-01", larger: "10", smaller: "900" }))).toBe(true);
    expect(isFixedSearch({ not: { from: "x" } })).toBe(true);
  });

  it("no as soon as flags or keywords take part, also nested in OR and NOT", () => {
    expect(isFixedSearch(search({ unread: "1" }))).toBe(false);
    expect(isFixedSearch(search({ q: "budget", flagged: "1" }))).toBe(false);
    expect(isFixedSearch({ or: [{ subject: "a" }, { seen: true }] })).toBe(false);
    expect(isFixedSearch({ not: { keyword: "$Junk" } })).toBe(false);
    expect(isFixedSearch({ modseq: BigInt(5) })).toBe(false);
  });
});
