import { describe, expect, it } from "vitest";
import { linkifyText } from "@/lib/mime/linkify-text";

describe("linkifyText", () => {
  it("splits text around http and https links", () => {
    expect(linkifyText("See https://example.com/a?b=1 and http://x.org.")).toEqual([
      { kind: "text", value: "See " },
      { kind: "link", value: "https://example.com/a?b=1" },
      { kind: "text", value: " and " },
      { kind: "link", value: "http://x.org" },
      { kind: "text", value: "." },
    ]);
  });

  it("leaves sentence punctuation and unbalanced brackets outside the link", () => {
    expect(linkifyText("(see https://example.com/a_(b))!")).toEqual([
      { kind: "text", value: "(see " },
      { kind: "link", value: "https://example.com/a_(b)" },
      { kind: "text", value: ")!" },
    ]);
  });

  it("does not link other schemes or bare hosts", () => {
    const text = "javascript:alert(1) ftp://x.org www.example.com mailto:a@b.c";
    expect(linkifyText(text)).toEqual([{ kind: "text", value: text }]);
  });

  it("stops links at quotes and angle brackets", () => {
    expect(linkifyText('<https://example.com/x>"')).toEqual([
      { kind: "text", value: "<" },
      { kind: "link", value: "https://example.com/x" },
      { kind: "text", value: '>"' },
    ]);
  });

  it("keeps overlong and hostless URLs as text", () => {
    const long = `https://example.com/${"a".repeat(3000)}`;
    expect(linkifyText(long)).toEqual([{ kind: "text", value: long }]);
    expect(linkifyText("http://")).toEqual([{ kind: "text", value: "http://" }]);
  });

  it("loses no character: the segments join back into the input", () => {
    const text = "a https://x.org/1, b\nhttps://y.org/(2)) c https://z.org";
    expect(
      linkifyText(text)
        .map((s) => s.value)
        .join(""),
    ).toBe(text);
    expect(linkifyText("")).toEqual([]);
  });
});
