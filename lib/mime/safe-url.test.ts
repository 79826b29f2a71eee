import { describe, expect, it } from "vitest";
import { decideImageUrl, safeLinkHref } from "@/lib/mime/safe-url";

const GIF = Buffer.from("R0lGODlhAQABAAAAACw=", "base64");
const policy = (allowRemoteContent: boolean) => ({
  allowRemoteContent,
  inlineImages: { "pic@x": { contentType: "image/gif", data: GIF } },
});

describe("decideImageUrl", () => {
  it("blocks remote images unless allowed, and normalizes them when allowed", () => {
    expect(decideImageUrl("https://example.com/a b.png", policy(false))).toEqual({ kind: "blocked" });
    expect(decideImageUrl("https://example.com/a b.png", policy(true))).toEqual({ kind: "use", url: "https://example.com/a%20b.png" });
    expect(decideImageUrl("//example.com/a.png", policy(true))).toEqual({ kind: "use", url: "https://example.com/a.png" });
  });

  it("turns cid: into a data: URL of a safe inline image", () => {
    expect(decideImageUrl(" cid:pic@x ", policy(false))).toEqual({ kind: "use", url: `data:image/gif;base64,${GIF.toString("base64")}` });
    expect(decideImageUrl("cid:other@x", policy(false))).toEqual({ kind: "drop" });
  });

  it("drops relative, javascript: and non-raster data: URLs", () => {
    for (const url of ["/a.png", "a.png", "javascript:alert(1)", "java\nscript:alert(1)", "data:image/svg+xml,<svg/>", "data:image/png,raw"]) {
      expect(decideImageUrl(url, policy(true))).toEqual({ kind: "drop" });
    }
  });
});

describe("decideImageUrl with data: images", () => {
  it("keeps a data: image whose bytes are the type it declares", () => {
    const gif = `data:image/gif;base64,${GIF.toString("base64")}`;
    expect(decideImageUrl(gif, policy(false))).toEqual({ kind: "use", url: gif });
    expect(decideImageUrl(`data:IMAGE/GIF;base64,${GIF.toString("base64")}`, policy(false))).toEqual({ kind: "use", url: gif });
  });

  it("refuses an SVG (or anything else) labelled as a raster type, and a mislabelled raster", () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>').toString("base64");
    for (const type of ["png", "jpeg", "gif", "webp"]) expect(decideImageUrl(`data:image/${type};base64,${svg}`, policy(true))).toEqual({ kind: "drop" });
    expect(decideImageUrl(`data:image/png;base64,${GIF.toString("base64")}`, policy(true))).toEqual({ kind: "drop" });
    expect(decideImageUrl("data:image/png;base64,", policy(true))).toEqual({ kind: "drop" });
  });
});

describe("safeLinkHref", () => {
  it("accepts absolute http(s), mailto and tel links", () => {
    expect(safeLinkHref("https://example.com")).toBe("https://example.com/");
    expect(safeLinkHref("mailto:a@example.com")).toBe("mailto:a@example.com");
    expect(safeLinkHref("tel:+4912345")).toBe("tel:+4912345");
  });

  it("refuses script, data, file and relative links, however disguised", () => {
    for (const href of ["javascript:alert(1)", "\u0001javascript:alert(1)", "jav\tascript:x", "data:text/html,x", "file:///etc", "/x", "#top", "//evil.example"]) {
      expect(safeLinkHref(href)).toBeNull();
    }
  });
});
