import { describe, expect, it } from "vitest";
import { LineSplitter } from "./line-splitter";

class TooLong extends Error {}
const tooLong = (max: number) => new TooLong(`longer than ${max} bytes`);

describe("LineSplitter", () => {
  it("splits at CRLF and bare LF across chunk borders, keeping bytes", () => {
    const s = new LineSplitter(100, tooLong);
    const out: string[] = [];
    for (const c of ["20", "0 hi\r", "\nab\ncaf\xe9\r\n"]) s.push(Buffer.from(c, "latin1"), (l) => out.push(l.toString("latin1")));
    expect(out).toEqual(["200 hi", "ab", "caf\xe9"]);
  });

  it("fails on a line longer than the limit, even before its end arrives", () => {
    const s = new LineSplitter(10, tooLong);
    expect(() => s.push(Buffer.from("x".repeat(11)), () => undefined)).toThrow(TooLong);
    const t = new LineSplitter(10, tooLong);
    expect(() => t.push(Buffer.from("x".repeat(20) + "\n"), () => undefined)).toThrow(/longer than 10 bytes/);
  });
});
