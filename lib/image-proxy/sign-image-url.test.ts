import { describe, expect, it } from "vitest";
import { deriveKey } from "@/lib/auth/secret-key";
import { IMAGE_PROXY_PATH, proxiedImageUrl, verifyImageUrl } from "./sign-image-url";

const key = deriveKey("image-proxy", Buffer.alloc(32, 7));
const other = deriveKey("image-proxy", Buffer.alloc(32, 8));
const URL_ = "https://img.example.com/a.png?x=1&y=<2>";

function parts(proxied: string): { u: string; s: string } {
  const q = new URL(proxied, "http://postern.test").searchParams;
  return { u: q.get("u")!, s: q.get("s")! };
}

describe("proxiedImageUrl", () => {
  it("points at the proxy with the URL and its signature, both encoded", () => {
    const proxied = proxiedImageUrl(URL_, key);
    expect(proxied.startsWith(`${IMAGE_PROXY_PATH}?u=`)).toBe(true);
    expect(proxied).not.toMatch(/[<>"' ]/);
    const { u, s } = parts(proxied);
    expect(u).toBe(URL_);
    expect(s).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});

describe("verifyImageUrl", () => {
  const { u, s } = parts(proxiedImageUrl(URL_, key));

  it("accepts Postern's own signature", () => {
    expect(verifyImageUrl(u, s, key)).toBe(true);
  });

  it("refuses another URL with that signature, an empty or altered signature, and another key's", () => {
    expect(verifyImageUrl(u + "&z", s, key)).toBe(false);
    expect(verifyImageUrl("http://169.254.169.254/", s, key)).toBe(false);
    expect(verifyImageUrl(u, "", key)).toBe(false);
    expect(verifyImageUrl(u, s.slice(0, -1), key)).toBe(false);
    expect(verifyImageUrl(u, s + "A", key)).toBe(false);
    expect(verifyImageUrl(u, (s[0] === "A" ? "B" : "A") + s.slice(1), key)).toBe(false);
    expect(verifyImageUrl(u, s, other)).toBe(false);
  });

  it("uses a key of its own: the master key's other sub-keys do not sign", () => {
    const credentials = deriveKey("credentials", Buffer.alloc(32, 7));
    expect(verifyImageUrl(u, parts(proxiedImageUrl(URL_, credentials)).s, key)).toBe(false);
  });
});
