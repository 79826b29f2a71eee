import { describe, expect, it } from "vitest";
import { useTempDatabase } from "@/tests/fixtures/temp-database";
import { LoginRateLimiter } from "./login-rate-limit";
import { normalizeLogin } from "./sign-in";

// The counts live in the database every process shares: a real one, with the real migrations.
useTempDatabase("login-rate-limit");

describe("LoginRateLimiter", () => {
  it("allows attempts at an account from an address until the limit, then says how long to wait", async () => {
    const l = new LoginRateLimiter(3, 60_000, 100);
    for (let i = 0; i < 3; i++) {
      expect(await l.retryAfter("alice", "1.2.3.4", 1000 + i)).toBe(0);
      await l.recordFailure("alice", "1.2.3.4", 1000 + i);
    }
    expect(await l.retryAfter("alice", "1.2.3.4", 2000)).toBe(59);
    expect(await l.retryAfter("alice", "1.2.3.4", 60_999)).toBe(1);
    expect(await l.retryAfter("alice", "1.2.3.4", 61_000)).toBe(0);
  });

  it("never locks the account itself: guesses from elsewhere leave its owner's address alone", async () => {
    const l = new LoginRateLimiter(2, 60_000, 100);
    for (let i = 0; i < 50; i++) await l.recordFailure("Owner", `10.0.0.${i % 5}`, i);
    expect(await l.retryAfter("owner", "10.0.0.1", 100)).toBeGreaterThan(0); // the guessers are refused
    expect(await l.retryAfter("owner", "192.0.2.7", 100)).toBe(0); // the owner is not
  });

  it("blocks an address guessing many accounts", async () => {
    const l = new LoginRateLimiter(10, 60_000, 3);
    for (const account of ["a", "b", "c"]) await l.recordFailure(account, "9.9.9.9", 0);
    expect(await l.retryAfter("d", "9.9.9.9", 2)).toBeGreaterThan(0);
    expect(await l.retryAfter("d", "8.8.8.8", 2)).toBe(0);
  });

  it("a success clears its own pair only, not the address's record of guessing", async () => {
    const l = new LoginRateLimiter(1, 60_000, 2);
    await l.recordFailure("x", "7.7.7.7", 0);
    await l.recordFailure("y", "7.7.7.7", 0);
    await l.recordSuccess("x", "7.7.7.7");
    expect(await l.retryAfter("x", "7.7.7.8", 1)).toBe(0);
    expect(await l.retryAfter("x", "7.7.7.7", 1)).toBeGreaterThan(0); // the address is still refused
  });
});

describe("normalizeLogin", () => {
  it("appends the default domain to a bare user name only", () => {
    expect(normalizeLogin(" alice ", "example.test")).toBe("alice@example.test");
    expect(normalizeLogin("bob@other.test", "example.test")).toBe("bob@other.test");
    expect(normalizeLogin("alice", undefined)).toBe("alice");
  });

  it("lets a browser with a device cookie in while its shared address is locked (lockout as a weapon)", async () => {
    const l = new LoginRateLimiter(2, 60_000, 3);
    // An attacker behind the owner's NAT trips both address limits for the owner's account.
    for (let i = 0; i < 5; i++) await l.recordFailure("victim", "198.51.100.1", i);
    expect(await l.retryAfter("victim", "198.51.100.1", 10)).toBeGreaterThan(0);
    expect(await l.retryAfter("victim", "198.51.100.1", 10, "owner-device")).toBe(0);
    // Guessing with a stolen device cookie is throttled by the cookie itself, and only it.
    await l.recordFailure("victim", "203.0.113.9", 20, "stolen-device");
    await l.recordFailure("victim", "203.0.113.9", 21, "stolen-device");
    expect(await l.retryAfter("victim", "203.0.113.9", 22, "stolen-device")).toBeGreaterThan(0);
    expect(await l.retryAfter("victim", "198.51.100.1", 22, "owner-device")).toBe(0);
    expect(await l.retryAfter("victim", "203.0.113.9", 22)).toBe(0);
  });
});
