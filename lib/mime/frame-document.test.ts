import { describe, expect, it } from "vitest";
import { buildFrameDocument } from "@/lib/mime/frame-document";

const cspOf = (doc: string) => /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(doc)?.[1];

describe("buildFrameDocument", () => {
  it("allows only data: images, inline styles and nothing else by default", () => {
    const csp = cspOf(buildFrameDocument("<p>x</p>", { allowRemoteContent: false }));
    expect(csp).toBe("default-src 'none'; img-src data:; style-src 'unsafe-inline'; form-action 'none'; base-uri 'none'");
  });

  it("adds http(s) images to the policy only when remote content is allowed", () => {
    expect(cspOf(buildFrameDocument("", { allowRemoteContent: true }))).toContain("img-src data: https: http:;");
  });

  it("with the image proxy, allows only the proxy's path as a remote image source", () => {
    const url = "https://mail.example/api/image-proxy";
    expect(cspOf(buildFrameDocument("", { allowRemoteContent: true, imageProxyUrl: url }))).toContain(`img-src data: ${url};`);
    expect(cspOf(buildFrameDocument("", { allowRemoteContent: false, imageProxyUrl: url }))).toContain("img-src data:;");
  });

  it("puts the policy and no-referrer before the message, and the message in the body", () => {
    const doc = buildFrameDocument('<p id="m">message</p>', { allowRemoteContent: false });
    expect(doc.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(doc.indexOf("Content-Security-Policy")).toBeLessThan(doc.indexOf('<p id="m">'));
    expect(doc).toContain('<meta name="referrer" content="no-referrer">');
    expect(doc).toContain('<base target="_blank">');
    expect(doc).toMatch(/<body>\n<p id="m">message<\/p>\n<\/body><\/html>$/);
  });

  it("carries a default stylesheet that keeps images and long words inside the frame", () => {
    const doc = buildFrameDocument("", { allowRemoteContent: false });
    expect(doc).toContain("max-width: 100%");
    expect(doc).toContain("overflow-wrap: anywhere");
    expect(doc).toContain("system-ui");
  });
});
