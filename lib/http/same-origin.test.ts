import { describe, expect, it } from "vitest";
import { isOwnOrigin, isSameOriginRequest } from "./same-origin";

const post = (headers: Record<string, string>) => new Request("http://mail.example.test/api/x", { method: "POST", headers });

describe("isOwnOrigin", () => {
  it("accepts an Origin naming the host the request was sent to", () => {
    expect(isOwnOrigin(post({ origin: "http://mail.example.test", host: "mail.example.test" }).headers)).toBe(true);
    const proxied = post({ origin: "https://mail.example.test", "x-forwarded-host": "mail.example.test", host: "127.0.0.1:3000" }).headers;
    expect(isOwnOrigin(proxied, { trustProxy: 1 })).toBe(true);
    // Without a trusted proxy the forwarded host is anyone's say.
    expect(isOwnOrigin(proxied, { trustProxy: 0 })).toBe(false);
  });

  it("refuses another port or host of the same site (cookies do not keep them apart)", () => {
    expect(isOwnOrigin(post({ origin: "http://mail.example.test:8080", host: "mail.example.test" }).headers)).toBe(false);
    expect(isOwnOrigin(post({ origin: "http://evil.example.test", host: "mail.example.test" }).headers)).toBe(false);
  });

  // Next lets a server action without an Origin through; the sign-in action must not.
  it("refuses a request with no Origin, an opaque one, or no host", () => {
    expect(isOwnOrigin(post({ host: "mail.example.test" }).headers)).toBe(false);
    expect(isOwnOrigin(post({ origin: "null", host: "mail.example.test" }).headers)).toBe(false);
    expect(isOwnOrigin(post({ origin: "not a url", host: "mail.example.test" }).headers)).toBe(false);
    expect(isOwnOrigin(new Headers({ origin: "http://mail.example.test" }))).toBe(false);
  });
});

describe("isSameOriginRequest", () => {
  it("also wants x-postern-request, which a form cannot send", () => {
    const headers = { origin: "http://mail.example.test", host: "mail.example.test" };
    expect(isSameOriginRequest(post(headers))).toBe(false);
    expect(isSameOriginRequest(post({ ...headers, "x-postern-request": "1" }))).toBe(true);
    expect(isSameOriginRequest(post({ origin: "http://evil.example.test", host: "mail.example.test", "x-postern-request": "1" }))).toBe(false);
  });
});
