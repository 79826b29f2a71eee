import { describe, expect, it } from "vitest";
import { sniffImage } from "./sniff-image";

const bytes = (...parts: (string | number[])[]) => new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...Buffer.from(p, "latin1")] : p)));

describe("sniffImage", () => {
  it("tells the raster types by their first bytes", () => {
    expect(sniffImage(bytes([0xff, 0xd8, 0xff, 0xe0]))).toBe("image/jpeg");
    expect(sniffImage(bytes([0x89], "PNG\r\n\x1a\n"))).toBe("image/png");
    expect(sniffImage(bytes("GIF89a"))).toBe("image/gif");
    expect(sniffImage(bytes("RIFF\0\0\0\0WEBPVP8 "))).toBe("image/webp");
  });
  it("refuses SVG and HTML whatever they claim to be", () => {
    expect(sniffImage(bytes('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'))).toBeNull();
    expect(sniffImage(bytes("<?xml version=\"1.0\"?><svg/>"))).toBeNull();
    expect(sniffImage(bytes("<html>"))).toBeNull();
    expect(sniffImage(bytes([]))).toBeNull();
  });
});
