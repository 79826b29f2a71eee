import { describe, expect, it } from "vitest";
import { decodedSize } from "./fetch-display-source";

function base64Lines(n: number): number {
  const b64 = Buffer.alloc(n, 7).toString("base64");
  const lines = b64.match(/.{1,76}/g) ?? [];
  return lines.reduce((sum, l) => sum + l.length + 2, 0);
}

describe("decodedSize", () => {
  it.each([0, 1, 56, 57, 58, 1000, 4096, 10 * 1024 * 1024])("recovers %i bytes from base64 lines within the padding", (n) => {
    const est = decodedSize({ encodedSize: base64Lines(n), encoding: "base64" });
    expect(est - n).toBeGreaterThanOrEqual(0);
    expect(est - n).toBeLessThanOrEqual(2);
  });
  it("takes other encodings at their size", () => {
    expect(decodedSize({ encodedSize: 1234, encoding: "7bit" })).toBe(1234);
  });
});
