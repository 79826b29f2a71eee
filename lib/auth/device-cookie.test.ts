import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { cookieFromHeader, DEVICE_COOKIE_TTL_MS, knownDevice, rememberDevice } from "./device-cookie";

const KEY = crypto.randomBytes(32);
const NOW = 1_800_000_000_000;

describe("device cookie", () => {
  it("vouches for the account it was issued for, case-insensitively, and no other", () => {
    const cookie = rememberDevice(null, "Alice@example.test", NOW, KEY);
    expect(knownDevice(cookie, "alice@example.test", NOW, KEY)).toMatch(/^[\w-]{16}$/);
    expect(knownDevice(cookie, "bob@example.test", NOW, KEY)).toBeNull();
  });

  it("refuses a forged, altered, foreign-key or expired cookie", () => {
    const cookie = rememberDevice(null, "alice@example.test", NOW, KEY);
    const [acc, nonce, issued, sig] = cookie.split(".");
    expect(knownDevice(`${Buffer.from("bob@example.test").toString("base64url")}.${nonce}.${issued}.${sig}`, "bob@example.test", NOW, KEY)).toBeNull();
    expect(knownDevice(`${acc}.${nonce}.${Number(issued) + 1}.${sig}`, "alice@example.test", NOW, KEY)).toBeNull();
    expect(knownDevice(cookie, "alice@example.test", NOW, crypto.randomBytes(32))).toBeNull();
    expect(knownDevice(cookie, "alice@example.test", NOW + DEVICE_COOKIE_TTL_MS + 1000, KEY)).toBeNull();
    expect(knownDevice("garbage~...~a.b.c.d", "alice@example.test", NOW, KEY)).toBeNull();
  });

  it("keeps the marks of a few accounts, newest first, one per account", () => {
    let cookie: string | null = null;
    for (const a of ["a@x.test", "b@x.test", "c@x.test", "d@x.test", "e@x.test", "f@x.test"]) cookie = rememberDevice(cookie, a, NOW, KEY);
    cookie = rememberDevice(cookie, "f@x.test", NOW, KEY);
    expect(cookie!.split("~")).toHaveLength(5);
    expect(knownDevice(cookie, "a@x.test", NOW, KEY)).toBeNull();
    expect(knownDevice(cookie, "b@x.test", NOW, KEY)).not.toBeNull();
    expect(knownDevice(cookie, "f@x.test", NOW, KEY)).not.toBeNull();
  });

  it("reads a cookie from a Cookie header", () => {
    expect(cookieFromHeader("a=1; postern.device=xyz.1; b=2", "postern.device")).toBe("xyz.1");
    expect(cookieFromHeader("a=1", "postern.device")).toBeNull();
    expect(cookieFromHeader(null, "postern.device")).toBeNull();
  });
});
