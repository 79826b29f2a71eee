import { describe, expect, it } from "vitest";
import { isTwoFactorRequired } from "./require-two-factor";

describe("isTwoFactorRequired", () => {
  it("is off unless set", () => {
    for (const v of ["", "0", "false"]) expect(isTwoFactorRequired("a@example.test", v)).toBe(false);
  });
  it("1 or true: everyone", () => {
    expect(isTwoFactorRequired("a@example.test", "1")).toBe(true);
    expect(isTwoFactorRequired("a", "true")).toBe(true);
  });
  it("a domain list: those domains only", () => {
    expect(isTwoFactorRequired("a@Example.test", "corp.test, example.test")).toBe(true);
    expect(isTwoFactorRequired("a@other.test", "corp.test, @example.test")).toBe(false);
    expect(isTwoFactorRequired("a@example.test.evil", "example.test")).toBe(false);
  });
});
