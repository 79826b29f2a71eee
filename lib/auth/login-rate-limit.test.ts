import { describe, expect, it } from "vitest";
import { LoginRateLimiter } from "./login-rate-limit";
import { normalizeLogin } from "./sign-in";

describe("LoginRateLimiter", () => {
  it("allows attempts until the limit, then says how long to wait", () => {
    const l = new LoginRateLimiter(3, 60_000);
    const keys = ["ip:1.2.3.4", "account:alice"];
    for (let i = 0; i < 3; i++) {
      expect(l.retryAfter(keys, 1000 + i)).toBe(0);
      l.recordFailure(keys, 1000 + i);
    }
    expect(l.retryAfter(keys, 2000)).toBe(59);
    expect(l.retryAfter(keys, 60_999)).toBe(1);
    expect(l.retryAfter(keys, 61_000)).toBe(0);
  });

  it("blocks an address guessing many accounts", () => {
    const l = new LoginRateLimiter(2, 60_000);
    l.recordFailure(["ip:9.9.9.9", "account:a"], 0);
    l.recordFailure(["ip:9.9.9.9", "account:b"], 1);
    expect(l.retryAfter(["ip:9.9.9.9", "account:c"], 2)).toBeGreaterThan(0);
    expect(l.retryAfter(["ip:8.8.8.8", "account:c"], 2)).toBe(0);
  });

  it("clears only the keys given on success", () => {
    const l = new LoginRateLimiter(1, 60_000);
    l.recordFailure(["ip:x", "account:a"], 0);
    l.recordSuccess(["account:a"]);
    expect(l.retryAfter(["account:a"], 1)).toBe(0);
    expect(l.retryAfter(["ip:x"], 1)).toBeGreaterThan(0);
  });
});

describe("normalizeLogin", () => {
  it("appends the default domain to a bare user name only", () => {
    expect(normalizeLogin(" alice ", "example.test")).toBe("alice@example.test");
    expect(normalizeLogin("bob@other.test", "example.test")).toBe("bob@other.test");
    expect(normalizeLogin("alice", undefined)).toBe("alice");
  });
});
