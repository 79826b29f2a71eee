import { describe, expect, it } from "vitest";
import { NntpProtocolError } from "./errors";
import { LineSplitter } from "./line-splitter";

describe("LineSplitter", () => {
  it("splits at CRLF and bare LF across chunk borders, keeping bytes", () => {
    const s = new LineSplitter(100);
    const out: string[] = [];
    for (const c of ["20", "0 hi\r", "\nab\ncaf\xe9\r\n"]) s.push(Buffer.from(c, "latin1"), (l) => out.push(l.toString("latin1")));
    expect(out).toEqual(["200 hi", "ab", "caf\xe9"]);
  });

  it("fails on a line longer than the limit, even before its end arrives", () => {
    const s = new LineSplitter(10);
    expect(() => s.push(Buffer.from("x".repeat(11)), () => undefined)).toThrow(NntpProtocolError);
    const t = new LineSplitter(10);
    expect(() => t.push(Buffer.from("x".repeat(20) + "\n"), () => undefined)).toThrow(/longer than 10 bytes/);
  });
});
