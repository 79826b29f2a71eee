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

  it("carries words in another language as UTF-8 (RFC 2047 subject, base64 body)", () => {
    const raw = buildSignInAlert(facts, { subject: "Neue Anmeldung bei Postern (Chrome unter Linux) – prüfen", body: "Wann: Sonntag\nWenn Sie das waren, ist nichts zu tun." });
    const [head, body] = raw.split("\r\n\r\n");
    expect(head).toMatch(/^Subject: .*=\?UTF-8\?B\?/m);
    expect(head).toContain("Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64");
    expect(Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8")).toBe("Wann: Sonntag\r\nWenn Sie das waren, ist nichts zu tun.");
    expect(raw).toContain("Content-Transfer-Encoding: base64");
  });
});
