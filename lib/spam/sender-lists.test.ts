import { describe, expect, it } from "vitest";
import { listPatternSchema, listVerdict, matchesPattern } from "./sender-lists";

describe("matchesPattern", () => {
  it("matches an address exactly, ignoring case", () => {
    expect(matchesPattern("Ann@Example.com", "ann@example.com")).toBe(true);
    expect(matchesPattern("ann@example.com.evil", "ann@example.com")).toBe(false);
  });

  it("matches a domain and its subdomains, not look-alikes", () => {
    expect(matchesPattern("a@example.com", "example.com")).toBe(true);
    expect(matchesPattern("a@mail.example.com", "example.com")).toBe(true);
    expect(matchesPattern("a@badexample.com", "example.com")).toBe(false);
  });

  it("matches wildcards", () => {
    expect(matchesPattern("news-42@shop.example", "news-*@shop.example")).toBe(true);
    expect(matchesPattern("a@x.example.com", "*@*.example.com")).toBe(true);
    expect(matchesPattern("a@example.com", "*@*.example.com")).toBe(false);
    expect(matchesPattern("ab@example.com", "a?@example.com")).toBe(true);
  });
});

describe("listVerdict", () => {
  it("lets a blocked address win over its allowed domain", () => {
    const entries = [
      { kind: "allow" as const, pattern: "example.com" },
      { kind: "block" as const, pattern: "spammer@example.com" },
    ];
    expect(listVerdict("spammer@example.com", entries)?.kind).toBe("block");
    expect(listVerdict("ann@example.com", entries)?.kind).toBe("allow");
    expect(listVerdict("ann@other.example", entries)).toBeNull();
  });
});

describe("listPatternSchema", () => {
  it("normalizes and refuses what cannot be a pattern", () => {
    expect(listPatternSchema.parse("  Ann@Example.COM ")).toBe("ann@example.com");
    expect(listPatternSchema.safeParse("Ann <ann@example.com>").success).toBe(false);
    expect(listPatternSchema.safeParse("").success).toBe(false);
  });
});
