import { describe, expect, it } from "vitest";
import { htmlToPlainText } from "@/lib/mime/html-to-text";

describe("htmlToPlainText", () => {
  it("breaks lines at block elements and collapses HTML whitespace", () => {
    const html = "<html><head><title>T</title><style>p{}</style></head><body><h1>Hello</h1><p>one\n   two</p><div>three<br>four</div><ul><li>a</li><li>b</li></ul></body></html>";
    expect(htmlToPlainText(html)).toBe("Hello\n\none two\n\nthree\nfour\n\na\nb");
  });

  it("decodes entities once and drops scripts", () => {
    expect(htmlToPlainText("<p>Tom &amp; Jerry &lt;3 &amp;lt;</p><script>alert(1)</script>")).toBe("Tom & Jerry <3 &lt;");
  });
});
