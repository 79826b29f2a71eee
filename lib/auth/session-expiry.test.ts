import { describe, expect, it } from "vitest";
import { isSessionExpired, needsTouch, TOUCH_INTERVAL_MS } from "./session-expiry";

const t0 = new Date("2026-11-23T10:00:00Z");
const later = (ms: number) => new Date(t0.getTime() + ms);

describe("isSessionExpired", () => {
  it("keeps a session used within the idle timeout", () => {
    expect(isSessionExpired(t0, later(29 * 60_000 + 59_000), 30)).toBe(false);
  });
  it("expires a session idle for exactly the timeout or longer", () => {
    expect(isSessionExpired(t0, later(30 * 60_000), 30)).toBe(true);
    expect(isSessionExpired(t0, later(3 * 3600_000), 30)).toBe(true);
  });
  it("honours a configured timeout", () => {
    expect(isSessionExpired(t0, later(6 * 60_000), 5)).toBe(true);
    expect(isSessionExpired(t0, later(6 * 60_000), 10)).toBe(false);
  });
});

describe("needsTouch", () => {
  it("writes lastSeenAt at most once per interval", () => {
    expect(needsTouch(t0, later(1000))).toBe(false);
    expect(needsTouch(t0, later(TOUCH_INTERVAL_MS))).toBe(true);
  });
});
