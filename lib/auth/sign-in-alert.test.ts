import { describe, expect, it } from "vitest";
import { buildSignInAlert } from "./sign-in-alert";

describe("buildSignInAlert", () => {
  const facts = {
    account: "alice@example.test",
    at: new Date("2026-12-06T10:00:00Z"),
    userAgent: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36",
    clientIp: "203.0.113.7",
  };

  it("says when, which browser family and which address, as a plain message to the account", () => {
    const raw = buildSignInAlert(facts);
    expect(raw).toContain("Subject: New sign-in to Postern (Chrome on Linux)\r\n");
    expect(raw).toContain("When:     Sun, 06 Dec 2026 10:00:00 GMT");
    expect(raw).toContain("Address:  203.0.113.7");
    expect(raw).toContain("To: <alice@example.test>\r\n");
    expect(raw).not.toContain("AppleWebKit");
  });

  it("cannot be made to carry extra headers by a hostile User-Agent or address", () => {
    const raw = buildSignInAlert({ ...facts, account: "a@x.test\r\nBcc: evil@x.test", clientIp: "1.2.3.4\r\nX-Evil: 1" });
    const headers = raw.split("\r\n\r\n")[0];
    expect(headers).not.toMatch(/^Bcc:|^X-Evil:/m);
  });
});
