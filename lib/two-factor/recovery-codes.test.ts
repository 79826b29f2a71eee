import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashRecoveryCode, looksLikeRecoveryCode, newRecoveryCodes, normalizeRecoveryCode } from "./recovery-codes";

const key = crypto.randomBytes(32);

describe("recovery codes", () => {
  it("are ten distinct codes in an unambiguous alphabet", () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) {
      expect(c).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
      expect(c).not.toMatch(/[01ilo]/);
      expect(looksLikeRecoveryCode(c)).toBe(true);
    }
  });

  it("hash the same however typed, differently per account and key", () => {
    const [code] = newRecoveryCodes();
    const hash = hashRecoveryCode("alice@example.test", code, key);
    expect(hashRecoveryCode("Alice@example.test", ` ${code.toUpperCase().replace("-", " ")} `, key)).toBe(hash);
    expect(hashRecoveryCode("bob@example.test", code, key)).not.toBe(hash);
    expect(hashRecoveryCode("alice@example.test", code, crypto.randomBytes(32))).not.toBe(hash);
    expect(hash).not.toContain(normalizeRecoveryCode(code));
  });

  it("tells a recovery code from a TOTP code", () => {
    expect(looksLikeRecoveryCode("123456")).toBe(false);
    expect(looksLikeRecoveryCode("abcde-fghjk")).toBe(true);
  });
});
