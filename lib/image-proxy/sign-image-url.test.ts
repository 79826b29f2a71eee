import { describe, expect, it } from "vitest";
import { deriveKey } from "@/lib/auth/secret-key";
import { IMAGE_PROXY_PATH, proxiedImageUrl, verifyImageUrl } from "./sign-image-url";

const key = deriveKey("image-proxy", Buffer.alloc(32, 7));
const other = deriveKey("image-proxy", Buffer.alloc(32, 8));
const IMAGE = { url: "https://img.example.com/a.png?x=1&y=<2>", session: "c2Vzc2lvbi1pZA" };

function parts(proxied: string): { url: string; session: string; sig: string } {
  const q = new URL(proxied, "http://postern.test").searchParams;
  return { url: q.get("u")!, session: q.get("v")!, sig: q.get("s")! };
}

describe("proxiedImageUrl", () => {
  it("points at the proxy with the URL, the session and their signature, all encoded", () => {
    const proxied = proxiedImageUrl(IMAGE, key);
    expect(proxied.startsWith(`${IMAGE_PROXY_PATH}?u=`)).toBe(true);
    expect(proxied).not.toMatch(/[<>"' ]/);
    const { url, session, sig } = parts(proxied);
    expect({ url, session }).toEqual(IMAGE);
    expect(sig).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});

describe("verifyImageUrl", () => {
  const { sig } = parts(proxiedImageUrl(IMAGE, key));

  it("accepts Postern's own signature", () => {
    expect(verifyImageUrl(IMAGE, sig, key)).toBe(true);
  });

  it("refuses another URL or another session with that signature", () => {
    expect(verifyImageUrl({ ...IMAGE, url: IMAGE.url + "&z" }, sig, key)).toBe(false);
    expect(verifyImageUrl({ ...IMAGE, url: "http://169.254.169.254/" }, sig, key)).toBe(false);
    expect(verifyImageUrl({ ...IMAGE, session: "another" }, sig, key)).toBe(false);
    // characters moved from the session to the URL
    expect(verifyImageUrl({ url: IMAGE.session.slice(-2) + IMAGE.url, session: IMAGE.session.slice(0, -2) }, sig, key)).toBe(false);
  });

  it("refuses an empty, cut, lengthened, altered or re-encoded signature, and another key's", () => {
    expect(verifyImageUrl(IMAGE, "", key)).toBe(false);
    expect(verifyImageUrl(IMAGE, sig.slice(0, -1), key)).toBe(false);
    expect(verifyImageUrl(IMAGE, sig + "A", key)).toBe(false);
    expect(verifyImageUrl(IMAGE, (sig[0] === "A" ? "B" : "A") + sig.slice(1), key)).toBe(false);
    expect(verifyImageUrl(IMAGE, Buffer.from(sig, "base64url").toString("hex"), key)).toBe(false);
    expect(verifyImageUrl(IMAGE, sig, other)).toBe(false);
  });

  it("uses a key of its own: the master key's other sub-keys do not sign", () => {
    const credentials = deriveKey("credentials", Buffer.alloc(32, 7));
    expect(verifyImageUrl(IMAGE, parts(proxiedImageUrl(IMAGE, credentials)).sig, key)).toBe(false);
  });
});
