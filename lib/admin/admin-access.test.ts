import { describe, expect, it } from "vitest";
import { isAdminEmail } from "./admin-access";
import { describeLimiterKey } from "./lockouts";

describe("isAdminEmail", () => {
  const list = " Alice@Example.test, ops@example.test ,";

  it("matches listed addresses exactly, in any case", () => {
    expect(isAdminEmail("alice@example.test", list)).toBe(true);
    expect(isAdminEmail("OPS@EXAMPLE.TEST", list)).toBe(true);
  });

  it("refuses look-alikes, partial matches and empty input", () => {
    expect(isAdminEmail("bob@example.test", list)).toBe(false);
    expect(isAdminEmail("alice@example.test.evil", list)).toBe(false);
    expect(isAdminEmail("lice@example.test", list)).toBe(false);
    expect(isAdminEmail("", list)).toBe(false);
    expect(isAdminEmail(null, list)).toBe(false);
    expect(isAdminEmail("alice@example.test", "")).toBe(false);
    // A domain is not an address: no entry grants a whole domain.
    expect(isAdminEmail("alice@example.test", "@example.test,example.test")).toBe(false);
  });
});

describe("describeLimiterKey", () => {
  it("reads the keys of the sign-in and read-link limiters", () => {
    expect(describeLimiterKey("login:alice@example.test ip:203.0.113.9")).toEqual({ kind: "sign-in", account: "alice@example.test", address: "203.0.113.9" });
    expect(describeLimiterKey("login-address:ip:203.0.113.9")).toEqual({ kind: "sign-in address", account: null, address: "203.0.113.9" });
    expect(describeLimiterKey("read-link-guess:ip:::1")).toEqual({ kind: "read-link guessing", account: null, address: "::1" });
    expect(describeLimiterKey("something-else")).toEqual({ kind: "other", account: null, address: null });
  });
});
