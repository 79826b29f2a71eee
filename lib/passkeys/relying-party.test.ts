import { describe, expect, it } from "vitest";
import { relyingParty } from "./relying-party";

describe("relyingParty", () => {
  it("is PUBLIC_URL's origin and host name when set, whatever the request says", () => {
    const h = new Headers({ host: "10.0.0.5:3000" });
    expect(relyingParty(h, { trustProxy: 0, publicUrl: "https://mail.example.test/" })).toEqual({ rpID: "mail.example.test", origin: "https://mail.example.test", rpName: "Postern" });
  });

  it("is the request's own origin otherwise, believing forwarded headers only from a trusted proxy", () => {
    const h = new Headers({ host: "localhost:3100", "x-forwarded-host": "evil.test", "x-forwarded-proto": "https" });
    expect(relyingParty(h, { trustProxy: 0 })).toMatchObject({ rpID: "localhost", origin: "http://localhost:3100" });
    expect(relyingParty(h, { trustProxy: 1 })).toMatchObject({ rpID: "evil.test", origin: "https://evil.test" });
  });

  it("refuses a request without a host", () => {
    expect(() => relyingParty(new Headers(), { trustProxy: 0 })).toThrow(/names no host/);
  });
});
