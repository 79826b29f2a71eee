import { describe, expect, it } from "vitest";
import { isHttpsRequest, requestHost, requestOrigin } from "./request-origin";

const h = (values: Record<string, string>) => new Headers(values);
const untrusted = { trustProxy: 0 };
const trusted = { trustProxy: 1 };

describe("requestHost / requestOrigin", () => {
  it("ignores X-Forwarded-Host and -Proto unless a proxy is trusted", () => {
    const headers = h({ host: "mail.example.test", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" });
    expect(requestHost(headers, untrusted)).toBe("mail.example.test");
    expect(requestOrigin(headers, untrusted)).toBe("http://mail.example.test");
    expect(isHttpsRequest(headers, untrusted)).toBe(false);
  });

  it("believes a trusted proxy, taking the entry it added (the last)", () => {
    const headers = h({ host: "127.0.0.1:3000", "x-forwarded-host": "spoofed.example, mail.example.test", "x-forwarded-proto": "https" });
    expect(requestHost(headers, trusted)).toBe("mail.example.test");
    expect(requestOrigin(headers, trusted)).toBe("https://mail.example.test");
    expect(requestHost(h({ host: "mail.example.test" }), trusted)).toBe("mail.example.test");
  });

  it("counts as HTTPS when PUBLIC_URL is https, whatever the headers", () => {
    expect(isHttpsRequest(h({ host: "x" }), { trustProxy: 0, publicUrl: "https://mail.example.test" })).toBe(true);
    expect(isHttpsRequest(h({ host: "x" }), { trustProxy: 0, publicUrl: "http://mail.example.test" })).toBe(false);
  });

  it("has no origin without a host", () => {
    expect(requestOrigin(h({}), untrusted)).toBeNull();
  });
});
