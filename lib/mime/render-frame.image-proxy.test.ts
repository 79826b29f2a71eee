import { describe, expect, it } from "vitest";
import { frameImageProxy } from "@/lib/image-proxy/frame-image-proxy";
import { verifyImageUrl } from "@/lib/image-proxy/sign-image-url";
import { parseMessage } from "@/lib/mime/parse-message";
import { renderMessageFrame } from "@/lib/mime/render-frame";

// Issue 8: with the image proxy, every remote image reference of a shown message (img, background
// attribute, CSS url()) points at Postern's proxy with a valid signature; none keeps its own host.
const key = Buffer.alloc(32, 3);
const ORIGIN = "http://postern.test";
const raw = [
  "From: a@example.com",
  "Subject: images",
  "MIME-Version: 1.0",
  "Content-Type: text/html; charset=utf-8",
  "",
  '<table background="https://t.example/bg.png"><tr><td style="background-image: url(\'http://t.example/css.png\')">x</td></tr></table>',
  '<img src="https://t.example/a.png?id=1&amp;u=alice"><img src="//t.example/proto.png"><img src="data:image/png;base64,iVBORw0KGgo=">',
  "",
].join("\r\n");

describe("renderMessageFrame with the image proxy", () => {
  it("rewrites every remote image to a signed proxy URL and allows only the proxy in the CSP", async () => {
    const msg = await parseMessage(Buffer.from(raw));
    const doc = renderMessageFrame(msg, { allowRemoteContent: true, imageProxy: frameImageProxy({ origin: ORIGIN, session: "sid", key }) })!;
    expect(doc).not.toMatch(/(?:src|background)="https?:\/\/t\.example|url\("?https?:\/\/t\.example/);
    expect(doc).toContain(`img-src data: ${ORIGIN}/api/image-proxy;`);
    const proxied = [...doc.matchAll(/"?(\/api\/image-proxy\?[^"')\s]+)/g)].map((m) => new URL(m[1].replaceAll("&amp;", "&"), ORIGIN));
    expect(proxied.map((u) => u.searchParams.get("u")).sort()).toEqual([
      "http://t.example/css.png",
      "https://t.example/a.png?id=1&u=alice",
      "https://t.example/bg.png",
      "https://t.example/proto.png",
    ]);
    for (const u of proxied) expect(verifyImageUrl({ url: u.searchParams.get("u")!, session: "sid" }, u.searchParams.get("s")!, key)).toBe(true);
    expect(doc).toContain('src="data:image/png;base64,');
  });

  it("leaves remote images blocked, and unproxied, until the reader allows them", async () => {
    const msg = await parseMessage(Buffer.from(raw));
    const doc = renderMessageFrame(msg, { allowRemoteContent: false, imageProxy: frameImageProxy({ origin: ORIGIN, session: "sid", key }) })!;
    expect(doc).not.toContain("image-proxy?");
    expect(doc).not.toContain("t.example");
  });
});
