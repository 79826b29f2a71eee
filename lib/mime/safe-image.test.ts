import { describe, expect, it } from "vitest";
import { isSafeImageType, sniffImageType } from "@/lib/mime/safe-image";

describe("sniffImageType", () => {
  it("recognises PNG, JPEG, GIF and WebP by their magic bytes", () => {
    expect(sniffImageType(Buffer.from("89504e470d0a1a0a0000", "hex"))).toBe("image/png");
    expect(sniffImageType(Buffer.from("ffd8ffe000104a464946", "hex"))).toBe("image/jpeg");
    expect(sniffImageType(Buffer.from("GIF89a\x01\x00", "latin1"))).toBe("image/gif");
    expect(sniffImageType(Buffer.from("RIFF\x24\x00\x00\x00WEBPVP8 ", "latin1"))).toBe("image/webp");
  });

  it("refuses SVG, HTML and truncated headers", () => {
    expect(sniffImageType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniffImageType(Buffer.from("<html><script>"))).toBeNull();
    expect(sniffImageType(Buffer.from("89504e47", "hex"))).toBeNull();
    expect(sniffImageType(Buffer.alloc(0))).toBeNull();
  });
});

describe("isSafeImageType", () => {
  it("accepts the raster types only", () => {
    expect(isSafeImageType("image/png")).toBe(true);
    expect(isSafeImageType(" IMAGE/JPEG ")).toBe(true);
    expect(isSafeImageType("image/svg+xml")).toBe(false);
    expect(isSafeImageType("text/html")).toBe(false);
  });
});
