import { describe, expect, it } from "vitest";
import { acceptableTotpStep, matchTotpStep, newTotpSecret, totpCodeAt, totpStep, totpUri } from "./totp";

// RFC 6238 appendix B's SHA-1 secret ("12345678901234567890") in base32, and its test vectors
// (the last 6 digits of the 8-digit values).
const RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

describe("TOTP", () => {
  it("computes RFC 6238's test vectors", () => {
    expect(totpCodeAt(RFC_SECRET, new Date(59_000))).toBe("287082");
    expect(totpCodeAt(RFC_SECRET, new Date(1_111_111_109_000))).toBe("081804");
    expect(totpCodeAt(RFC_SECRET, new Date(2_000_000_000_000))).toBe("279037");
  });

  it("accepts a code from one step before or after now, not two", () => {
    const now = new Date(1_700_000_000_000);
    const step = totpStep(now);
    for (const d of [-1, 0, 1]) {
      expect(matchTotpStep(RFC_SECRET, totpCodeAt(RFC_SECRET, new Date(now.getTime() + d * 30_000)), now)).toBe(step + d);
    }
    for (const d of [-2, 2]) expect(matchTotpStep(RFC_SECRET, totpCodeAt(RFC_SECRET, new Date(now.getTime() + d * 30_000)), now)).toBeNull();
  });

  it("never accepts the same step twice, nor an older one", () => {
    const now = new Date(1_700_000_000_000);
    const code = totpCodeAt(RFC_SECRET, now);
    const step = acceptableTotpStep(RFC_SECRET, code, 0, now);
    expect(step).toBe(totpStep(now));
    expect(acceptableTotpStep(RFC_SECRET, code, step!, now)).toBeNull();
    const previous = totpCodeAt(RFC_SECRET, new Date(now.getTime() - 30_000));
    expect(acceptableTotpStep(RFC_SECRET, previous, step!, now)).toBeNull();
    const next = totpCodeAt(RFC_SECRET, new Date(now.getTime() + 30_000));
    expect(acceptableTotpStep(RFC_SECRET, next, step!, now)).toBe(step! + 1);
  });

  it("refuses what is not six digits, and takes spaces in the middle", () => {
    const now = new Date(1_700_000_000_000);
    const code = totpCodeAt(RFC_SECRET, now);
    expect(matchTotpStep(RFC_SECRET, `${code.slice(0, 3)} ${code.slice(3)}`, now)).toBe(totpStep(now));
    for (const bad of ["", "12345", "1234567", "abcdef"]) expect(matchTotpStep(RFC_SECRET, bad, now)).toBeNull();
  });

  it("makes 160-bit secrets and an otpauth URI apps read", () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(secret);
    expect(totpUri("alice@example.test", secret)).toBe(`otpauth://totp/Postern:alice%40example.test?issuer=Postern&secret=${secret}&algorithm=SHA1&digits=6&period=30`);
  });
});
