import { describe, expect, it } from "vitest";
import { filterStyle } from "@/lib/mime/filter-css";

const noUrls = () => null;

describe("filterStyle", () => {
  it("keeps allowlisted properties and drops the rest", () => {
    expect(filterStyle("color: red; z-index: 10; font-size: 12px; cursor: pointer", noUrls)).toBe("color: red; font-size: 12px");
  });

  it("allows only static and relative positions", () => {
    expect(filterStyle("position: fixed", noUrls)).toBe("");
    expect(filterStyle("position: absolute", noUrls)).toBe("");
    expect(filterStyle("position: sticky", noUrls)).toBe("");
    expect(filterStyle("position: relative", noUrls)).toBe("position: relative");
  });

  it("drops expression(), behavior, -moz-binding, @import, escapes and markup", () => {
    const approveAll = () => "https://ok.example/";
    expect(filterStyle("width: expression(alert(1)); color: red", approveAll)).toBe("color: red");
    expect(filterStyle("width: exp/**/ression(alert(1))", approveAll)).toBe("");
    expect(filterStyle("behavior: url(x.htc)", approveAll)).toBe("");
    expect(filterStyle("background: red; -moz-binding: url(x)", approveAll)).toBe("background: red");
    expect(filterStyle("font-family: x @import 'y'", approveAll)).toBe("");
    expect(filterStyle("color: \\72 ed", approveAll)).toBe("");
    expect(filterStyle("font-family: '</style><script>'", approveAll)).toBe("");
  });

  it("asks about every url() and drops the declaration when one is refused", () => {
    const seen: string[] = [];
    const style = filterStyle("background: url('a.png') , url(\"https://x/b.png\"); color: red", (url) => {
      seen.push(url);
      return url.startsWith("https:") ? url : null;
    });
    expect(seen).toEqual(["a.png", "https://x/b.png"]);
    expect(style).toBe("color: red");
  });

  it("rewrites approved url()s in quoted form", () => {
    expect(filterStyle("background-image: url(cid:x)", () => "data:image/png;base64,AAAA")).toBe(
      'background-image: url("data:image/png;base64,AAAA")',
    );
  });

  it("drops url( it cannot parse", () => {
    expect(filterStyle("background: url(https://x/a.png", () => "https://x/a.png")).toBe("");
  });

  it("treats every function that takes a URL like url(): its strings are asked about", () => {
    const remote = [
      "background-image: image('https://x/a.png')",
      'background-image: image("https://x/a.png", red)',
      "background-image: image-set('https://x/a.png' 1x, \"https://x/b.png\" 2x)",
      "background-image: -webkit-image-set('https://x/a.png' 1x)",
      "background-image: IMAGE-SET('https://x/a.png' 1x)",
      "background-image: cross-fade(image('https://x/a.png'), url(cid:y) 50%)",
      "background-image: -webkit-cross-fade('https://x/a.png', 'https://x/b.png', 50%)",
      "background-image: src('https://x/a.png')",
      "list-style: image('https://x/a.png')",
    ];
    for (const style of remote) {
      const seen: string[] = [];
      expect(filterStyle(style, (url) => (seen.push(url), null)), style).toBe("");
      expect(seen, style).toContain("https://x/a.png");
    }
    expect(filterStyle("background-image: image-set('cid:a' 1x)", () => "data:image/png;base64,AAAA")).toBe(
      'background-image: image-set("data:image/png;base64,AAAA" 1x)',
    );
  });

  it("drops functions it does not know, and leaves strings elsewhere alone", () => {
    expect(filterStyle("background-image: element(#x)", () => "https://x/")).toBe("");
    expect(filterStyle("background-image: -moz-element(#x)", () => "https://x/")).toBe("");
    expect(filterStyle("background-image: paint(x)", () => "https://x/")).toBe("");
    expect(filterStyle("background-image: image-set('a.png' type('image/png'))", () => "https://x/")).toBe("");
    expect(filterStyle("color: rgb(1 2 3); width: calc(100% - 2px)", noUrls)).toBe("color: rgb(1 2 3); width: calc(100% - 2px)");
    expect(filterStyle("background: -webkit-linear-gradient(top, #fff, #000)", noUrls)).toBe("background: -webkit-linear-gradient(top, #fff, #000)");
    expect(filterStyle("font-family: 'https://x/a.png', serif", noUrls)).toBe("font-family: 'https://x/a.png', serif");
  });

  it("does not split on semicolons inside quotes or parentheses", () => {
    expect(filterStyle("font-family: 'A;B', serif; color: blue", noUrls)).toBe("font-family: 'A;B', serif; color: blue");
  });

  it("drops overlong style attributes whole", () => {
    expect(filterStyle(`color: red;${" ".repeat(10_000)}`, noUrls)).toBe("");
  });
});
