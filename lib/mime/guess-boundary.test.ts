import { describe, expect, it } from "vitest";
import { guessBoundary } from "./guess-boundary";

const msg = (contentType: string, body: string) => Buffer.from(`From: a@example.test\r\nSubject: x\r\n${contentType}\r\n\r\n${body}`, "latin1");
const PARTS = "--actual\r\nContent-Type: text/plain\r\n\r\nhello\r\n--actual\r\nContent-Type: text/html\r\n\r\n<b>hi</b>\r\n--actual--\r\n";

describe("guessBoundary", () => {
  it("puts the boundary the body really uses into the header", () => {
    const fixed = guessBoundary(msg('Content-Type: multipart/mixed; boundary="declared"', PARTS))!.toString("latin1");
    expect(fixed).toContain('Content-Type: multipart/mixed; boundary="actual"\r\n\r\n--actual');
  });
  it("works with an unquoted, a folded, or a missing boundary parameter", () => {
    expect(guessBoundary(msg("Content-Type: multipart/alternative; boundary=declared; charset=x", PARTS))!.toString("latin1")).toContain('boundary="actual"; charset=x');
    expect(guessBoundary(msg('Content-Type: multipart/mixed;\r\n\tboundary="declared"', PARTS))!.toString("latin1")).toContain('\tboundary="actual"');
    expect(guessBoundary(msg("Content-Type: multipart/mixed", PARTS))!.toString("latin1")).toContain('multipart/mixed; boundary="actual"');
  });
  it("leaves alone what needs no repair or cannot be repaired", () => {
    expect(guessBoundary(msg('Content-Type: multipart/mixed; boundary="actual"', PARTS))).toBeNull();
    expect(guessBoundary(msg("Content-Type: text/plain", PARTS))).toBeNull();
    expect(guessBoundary(msg('Content-Type: multipart/mixed; boundary="declared"', "--open-only\r\nno close\r\n"))).toBeNull();
    expect(guessBoundary(Buffer.from("no header end"))).toBeNull();
  });
  it("a signature separator or a dashed line in the text is no boundary", () => {
    expect(guessBoundary(msg('Content-Type: multipart/mixed; boundary="declared"', "text\r\n-- \r\nBob\r\n----------\r\n"))).toBeNull();
  });
});
