import { describe, expect, it } from "vitest";
import { attachmentHeaders } from "./attachment-headers";

const PNG = Buffer.from("89504e470d0a1a0a0000000d", "hex");
const JPEG = Buffer.from("ffd8ffe000104a4649460001", "hex");
const GIF = Buffer.from("GIF89a\x01\x00\x01\x00\x00\x00", "latin1");
const WEBP = Buffer.from("RIFF\x24\x00\x00\x00WEBP", "latin1");
const HTML = Buffer.from("<html><script>", "latin1");
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg">', "latin1");

const headers = (head: Buffer, declaredType: string, filename = "file") => attachmentHeaders({ head, declaredType, filename });

describe("attachmentHeaders", () => {
  it.each([
    [PNG, "image/png"],
    [JPEG, "image/jpeg"],
    [GIF, "image/gif"],
    [WEBP, "image/webp"],
  ])("serves a real raster image inline, as the type its bytes are", (head, type) => {
    const h = headers(head, "application/octet-stream", "photo.bin");
    expect(h["Content-Type"]).toBe(type);
    expect(h["Content-Disposition"]).toMatch(/^inline; filename="photo.bin"/);
    expect(h["X-Content-Type-Options"]).toBe("nosniff");
    expect(h["Content-Security-Policy"]).toBe("sandbox; default-src 'none'");
  });

  it("goes by the bytes, not the declared type: HTML or SVG claiming to be PNG is a download", () => {
    for (const head of [HTML, SVG]) {
      const h = headers(head, "image/png", "x.png");
      expect(h["Content-Disposition"]).toMatch(/^attachment;/);
      expect(h["Content-Type"]).toBe("image/png");
      expect(h["Content-Security-Policy"]).toBe("sandbox; default-src 'none'");
    }
  });

  it("keeps SVG, HTML, PDF and text as downloads, text as octet-stream", () => {
    expect(headers(SVG, "image/svg+xml")["Content-Disposition"]).toMatch(/^attachment;/);
    expect(headers(HTML, "text/html")["Content-Type"]).toBe("application/octet-stream");
    expect(headers(Buffer.from("%PDF-1.7\n"), "application/pdf")["Content-Disposition"]).toMatch(/^attachment;/);
    expect(headers(Buffer.alloc(0), "image/png")["Content-Disposition"]).toMatch(/^attachment;/);
  });
});
