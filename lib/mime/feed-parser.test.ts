import { PassThrough, Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { feedParser } from "@/lib/mime/feed-parser";

/** A parser stand-in: a Transform that passes bytes through and ends normally. */
const workingParser = () => {
  const parser = new PassThrough();
  parser.resume();
  return parser;
};

/** A parser that accepts input but never finishes, as mailparser does when it hangs. */
const stuckParser = () => new Writable({ write: (_chunk, _enc, done) => done(), final: () => {} });

describe("feedParser", () => {
  it("feeds a buffer and reports success", async () => {
    const seen: Buffer[] = [];
    const outcome = await feedParser(workingParser(), Buffer.from("abc"), (c) => seen.push(c));
    expect(outcome).toEqual({ parserFailed: false, sourceFailed: false });
    expect(Buffer.concat(seen).toString()).toBe("abc");
  });

  it("reports a source that errors or closes early, after ending the parser", async () => {
    for (const cut of [(s: PassThrough) => s.destroy(new Error("reset")), (s: PassThrough) => s.destroy()]) {
      const source = new PassThrough();
      const fed = feedParser(workingParser(), source, () => {});
      source.write("partial");
      cut(source);
      expect(await fed).toEqual({ parserFailed: false, sourceFailed: true });
    }
  });

  it("gives up on a parser that stops making progress", async () => {
    const outcome = await feedParser(stuckParser(), Buffer.from("abc"), () => {}, 50);
    expect(outcome).toEqual({ parserFailed: true, sourceFailed: false });
  });

  it("keeps reading the source to its end after the parser failed", async () => {
    const parser = workingParser();
    const source = new PassThrough();
    const seen: string[] = [];
    const fed = feedParser(parser, source, (c) => seen.push(c.toString()));
    source.write("one");
    parser.emit("error", new Error("boom"));
    source.end("two");
    expect(await fed).toEqual({ parserFailed: true, sourceFailed: false });
    expect(seen.join("")).toBe("onetwo");
  });
});
