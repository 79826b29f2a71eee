import { describe, expect, it } from "vitest";
import { makeSnippet } from "./make-snippet";

describe("makeSnippet", () => {
  it("gives the message's own words on one line, without the quote it replies to", () => {
    const text = "Lisbon works for me,\nbut March is better.\n\nCarol\n\nOn Mon, Bob Martin wrote:\n> Shall we do the offsite in Lisbon?\n";
    expect(makeSnippet({ text, html: null })).toBe("Lisbon works for me, but March is better. Carol");
  });

  it("skips inline quotes and stops at the signature", () => {
    expect(makeSnippet({ text: "> old\nnew words\n-- \nBob, CEO", html: null })).toBe("new words");
  });

  it("reads HTML-only messages and cuts long text with an ellipsis", () => {
    expect(makeSnippet({ text: null, html: "<p>Hello <b>there</b></p><p>again</p>" })).toBe("Hello there again");
    const long = makeSnippet({ text: "word ".repeat(100), html: null }, 20);
    expect([...long]).toHaveLength(20);
    expect(long.endsWith("…")).toBe(true);
  });

  it("is empty for a message without text", () => {
    expect(makeSnippet({ text: null, html: null })).toBe("");
  });
});
