import { describe, expect, it } from "vitest";
import { isPreapprovedAddress } from "./allowed-addresses";

describe("isPreapprovedAddress", () => {
  it("allows the login address itself, in any case, and nothing else by default", () => {
    expect(isPreapprovedAddress("alice@example.test", "Alice@Example.test", "")).toBe(true);
    expect(isPreapprovedAddress("alice@example.test", "bob@example.test", "")).toBe(false);
    expect(isPreapprovedAddress("alice@example.test", "alice@example.test.evil", "")).toBe(false);
  });

  it("allows exact addresses and whole domains the admin lists", () => {
    const patterns = "sales@example.test, @corp.example, *@other.example";
    expect(isPreapprovedAddress("alice@example.test", "sales@example.test", patterns)).toBe(true);
    expect(isPreapprovedAddress("alice@example.test", "anyone@corp.example", patterns)).toBe(true);
    expect(isPreapprovedAddress("alice@example.test", "x@other.example", patterns)).toBe(true);
    expect(isPreapprovedAddress("alice@example.test", "x@sub.corp.example", patterns)).toBe(false);
    expect(isPreapprovedAddress("alice@example.test", "x@corp.example.evil", patterns)).toBe(false);
  });

  it("@%d is the login's own domain", () => {
    expect(isPreapprovedAddress("alice@example.test", "alias@example.test", "@%d")).toBe(true);
    expect(isPreapprovedAddress("alice@example.test", "bob@elsewhere.test", "@%d")).toBe(false);
    expect(isPreapprovedAddress("alice", "alias@example.test", "@%d")).toBe(false);
  });
});
