import { describe, expect, it } from "vitest";
import { PERMISSIONS_POLICY } from "./permissions-policy";
import { createNonce, frameHeaders, pageContentPolicy } from "./security-headers";

const directives = (csp: string) => new Map(csp.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1).join(" ")]));

describe("pageContentPolicy", () => {
  it("runs only scripts with this response's nonce, and nothing inline or evaluated", () => {
    const csp = directives(pageContentPolicy("abc123", { dev: false }));
    expect(csp.get("script-src")).toBe("'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp.get("style-src")).toBe("'self' 'nonce-abc123'");
    expect(csp.get("style-src-attr")).toBe("'unsafe-inline'");
    expect(pageContentPolicy("abc123", { dev: false })).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
  });

  it("locks down framing, plugins, base URL, forms and images", () => {
    const csp = directives(pageContentPolicy("n", { dev: false }));
    expect(csp.get("frame-ancestors")).toBe("'none'");
    expect(csp.get("object-src")).toBe("'none'");
    expect(csp.get("base-uri")).toBe("'none'");
    expect(csp.get("form-action")).toBe("'self'");
    expect(csp.get("img-src")).toBe("'self' data:");
    expect(csp.get("frame-src")).toBe("'self'");
    expect(csp.get("default-src")).toBe("'self'");
  });

  it("allows eval and unsigned styles in development only (React's debugging and hot reload)", () => {
    const csp = directives(pageContentPolicy("n", { dev: true }));
    expect(csp.get("script-src")).toBe("'self' 'nonce-n' 'strict-dynamic' 'unsafe-eval'");
    expect(csp.get("style-src")).toBe("'self' 'unsafe-inline'");
  });
});

describe("createNonce", () => {
  it("gives 128 random bits, base64, different every time", () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    for (const n of nonces) expect(Buffer.from(n, "base64")).toHaveLength(16);
  });
});

describe("frameHeaders", () => {
  it("sandboxes the message document, lets only Postern frame it, and loads nothing remote", () => {
    const h = frameHeaders({ allowRemoteContent: false });
    expect(h["Content-Security-Policy"]).toBe(
      "default-src 'none'; img-src data:; style-src 'unsafe-inline'; form-action 'none'; base-uri 'none'; " +
        "frame-ancestors 'self'; sandbox allow-popups allow-popups-to-escape-sandbox",
    );
    expect(h["X-Frame-Options"]).toBe("SAMEORIGIN");
    expect(h["X-Content-Type-Options"]).toBe("nosniff");
    expect(h["Referrer-Policy"]).toBe("no-referrer");
    expect(h["Content-Type"]).toBe("text/html; charset=utf-8");
    expect(h["Cache-Control"]).toBe("private, no-store");
  });

  it("allows http(s) images once the reader asked for them", () => {
    expect(frameHeaders({ allowRemoteContent: true })["Content-Security-Policy"]).toContain("img-src data: https: http:;");
  });

  it("allows only the image proxy when images go through it", () => {
    const csp = frameHeaders({ allowRemoteContent: true, imageProxyUrl: "http://127.0.0.1:3000/api/image-proxy" })["Content-Security-Policy"];
    expect(csp).toContain("img-src data: http://127.0.0.1:3000/api/image-proxy;");
    expect(csp).not.toMatch(/https:|http: /);
  });
});

describe("PERMISSIONS_POLICY", () => {
  it("denies powerful features to every origin", () => {
    for (const feature of ["camera", "microphone", "geolocation", "payment", "usb", "display-capture"]) {
      expect(PERMISSIONS_POLICY).toContain(`${feature}=()`);
    }
    // Passkeys are Postern's own (issue 23): its pages may use them, no other origin's frame.
    expect(PERMISSIONS_POLICY.replace(/publickey-credentials-(?:get|create)=\(self\)/g, "")).not.toMatch(/=\((?!\))/);
    expect(PERMISSIONS_POLICY).toContain("publickey-credentials-get=(self)");
  });
});
