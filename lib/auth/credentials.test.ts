import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptCredentials, encryptCredentials } from "./credentials";
import { deriveKey } from "./secret-key";

const key = crypto.randomBytes(32);
const creds = { user: "alice@example.test", pass: "pässwörd \u{1F511}" };

describe("encryptCredentials / decryptCredentials", () => {
  it("round-trips, and the password is not in the ciphertext", () => {
    const sealed = encryptCredentials(creds, key, "session-1");
    expect(sealed).not.toContain("alice");
    expect(sealed).not.toContain("pässwörd");
    expect(decryptCredentials(sealed, key, "session-1")).toEqual(creds);
  });

  it("uses a fresh IV each time", () => {
    expect(encryptCredentials(creds, key, "s")).not.toBe(encryptCredentials(creds, key, "s"));
  });

  it("refuses a ciphertext moved to another session (bound as associated data)", () => {
    const sealed = encryptCredentials(creds, key, "session-1");
    expect(() => decryptCredentials(sealed, key, "session-2")).toThrow();
  });

  it("refuses a wrong key and a tampered ciphertext", () => {
    const sealed = encryptCredentials(creds, key, "s");
    expect(() => decryptCredentials(sealed, crypto.randomBytes(32), "s")).toThrow();
    const parts = sealed.split(".");
    const body = Buffer.from(parts[3], "base64url");
    body[0] ^= 1;
    parts[3] = body.toString("base64url");
    expect(() => decryptCredentials(parts.join("."), key, "s")).toThrow();
  });

  it("refuses unknown formats", () => {
    expect(() => decryptCredentials("v0.a.b.c", key, "s")).toThrow(/format/);
  });
});

describe("deriveKey", () => {
  it("gives different 32-byte keys per purpose, stable for the same master", () => {
    const master = crypto.randomBytes(32);
    const a = deriveKey("credentials", master);
    expect(a).toHaveLength(32);
    expect(a.equals(deriveKey("credentials", master))).toBe(true);
    expect(a.equals(deriveKey("authjs", master))).toBe(false);
  });
});
