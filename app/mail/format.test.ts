import { describe, expect, it } from "vitest";
import { formatSize } from "./format";

describe("formatSize", () => {
  it("speaks the reader's language", () => {
    expect(formatSize(500, "en")).toBe("500 bytes");
    expect(formatSize(1, "en")).toBe("1 byte");
    expect(formatSize(12 * 1024, "en")).toBe("12 kB");
    expect(formatSize(1.5 * 1024 * 1024, "de")).toBe("1,5 MB");
    expect(formatSize(1.5 * 1024 * 1024, "en")).toBe("1.5 MB");
  });
});
