import { simpleParser } from "mailparser";
import { describe, expect, it } from "vitest";
import { buildMessage } from "@/lib/smtp/build-message";
import { htmlToPlainText } from "./html-to-plain";
import { embedInlineImages, extractInlineImages, referencedContentIds } from "./inline-images";
import { losesFormatting, plainTextToHtml } from "./plain-to-html";
import { decodeDraftInfo, encodeDraftInfo } from "./draft-info";
import { toSendableMessage, type ComposeSubmission } from "./submission";
import { EMPTY_CONTEXT } from "./compose-types";

// A 1×1 PNG.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64");
const pngUrl = `data:image/png;base64,${PNG.toString("base64")}`;

describe("htmlToPlainText (the generated text/plain part)", () => {
  it("renders what the editor writes: paragraphs, lists one item a line, quotes, links, signature", () => {
    const html =
      '<p>Hello <strong>bold</strong> and <a href="https://x.test/a">a link</a></p><ul><li><p>one</p></li><li><p>two</p></li></ul>' +
      "<ol><li><p>first</p></li></ol><p>Bob wrote:</p><blockquote><p>quoted<br>second</p></blockquote><p>-- <br>Bob</p>";
    expect(htmlToPlainText(html)).toBe(
      "Hello bold and a link <https://x.test/a>\n\n * one\n * two\n\n 1. first\n\nBob wrote:\n\n> quoted\n> second\n\n-- \nBob",
    );
  });

  it("leaves images out and never lets markup through as text", () => {
    expect(htmlToPlainText(`<p>a<img src="cid:x@postern" alt="pic">b</p><script>alert(1)</script>`)).toBe("ab");
    expect(htmlToPlainText("<p>1 &lt; 2 &amp; 3</p>")).toBe("1 < 2 & 3");
  });
});

describe("plainTextToHtml (plain text into the rich editor)", () => {
  it("makes paragraphs and nested blockquotes, escaping the text", () => {
    expect(plainTextToHtml("\n\nOn Mon, a <a@x.test> wrote:\n> hi\n> there\n>> deep\n")).toBe(
      "<p></p><p>On Mon, a &lt;a@x.test&gt; wrote:</p><blockquote><p>hi<br>there</p><blockquote><p>deep</p></blockquote></blockquote>",
    );
    expect(plainTextToHtml("")).toBe("<p></p>");
  });

  it("round-trips through htmlToPlainText", () => {
    const text = "Hi Carol,\nsee below.\n\n-- \nBob";
    expect(htmlToPlainText(plainTextToHtml(text))).toBe(text);
  });
});

describe("inline images (data: in the editor, cid: in the message)", () => {
  it("turns each data: image into one inline part and the src into cid:, the same image once", () => {
    const { html, parts } = extractInlineImages(`<p>x<img src="${pngUrl}" alt="a"><img src="${pngUrl}"></p>`, 1000);
    expect(parts).toHaveLength(1);
    expect(parts[0]).toMatchObject({ contentType: "image/png", filename: "image-1.png" });
    expect(parts[0].content.equals(PNG)).toBe(true);
    expect(html.match(new RegExp(`src="cid:${parts[0].cid}"`, "g"))).toHaveLength(2);
    expect(html).not.toContain("data:");
    expect(referencedContentIds(html)).toEqual(new Set([parts[0].cid]));
  });

  it("refuses bytes that are not the safe raster type they claim (an SVG or a script as image/png)", () => {
    const svg = `data:image/svg+xml;base64,${Buffer.from("<svg onload=alert(1)>").toString("base64")}`;
    const fake = `data:image/png;base64,${Buffer.from("<script>alert(1)</script>").toString("base64")}`;
    const { html, parts } = extractInlineImages(`<img src="${svg}"><img src="${fake}">`, 1000);
    expect(parts).toHaveLength(0);
    expect(html).not.toContain("data:");
  });

  it("counts the images against the size limit", () => {
    expect(() => extractInlineImages(`<img src="${pngUrl}">`, PNG.length - 1)).toThrow(/larger than the largest message/);
  });

  it("gives a draft's cid: images back as data: URLs for the editor", () => {
    const html = embedInlineImages('<p><img src="cid:k@postern" alt="a"><img src="cid:gone@x"></p>', { "k@postern": { contentType: "image/png", data: PNG } });
    expect(html).toBe(`<p><img src="${pngUrl}" alt="a"><img src="cid:gone@x"></p>`);
  });
});

describe("a rich submission as a message", () => {
  const submission = (body: string): ComposeSubmission => ({
    from: { name: "Bob", address: "bob@example.test" },
    to: "carol@example.test",
    cc: "",
    bcc: "",
    subject: "Rich",
    body,
    format: "html",
    kept: [],
    uploads: [],
    context: EMPTY_CONTEXT,
    draft: null,
  });

  it("is multipart/alternative with a generated text part, related with its image, sanitized", async () => {
    const body = `<p>Hi <strong>Carol</strong></p><p onclick="steal()">x<img src="${pngUrl}"><img src="https://tracker.test/p.gif"></p><script>alert(1)</script>`;
    const files = [{ filename: "a.txt", contentType: "text/plain", content: Buffer.from("file") }];
    const built = await buildMessage(toSendableMessage(submission(body), files, { maxBytes: 10_000 }));
    const raw = built.wire.toString("latin1");
    expect(raw).toMatch(/Content-Type: multipart\/mixed/);
    expect(raw).toMatch(/Content-Type: multipart\/alternative/);
    expect(raw).toMatch(/Content-Type: multipart\/related/);
    expect(built.attachments.map((a) => a.partId)).toEqual(["2"]);
    const parsed = await simpleParser(built.wire);
    expect(parsed.text?.trim()).toBe("Hi Carol\n\nx");
    expect(parsed.html).toContain("<strong>Carol</strong>");
    expect(parsed.html).not.toMatch(/script|onclick|tracker\.test/);
    // mailparser puts the cid: part back as data: (what proves the HTML references it).
    expect(parsed.html).toContain(`src="${pngUrl}"`);
    const image = parsed.attachments.find((a) => a.contentType === "image/png");
    expect(image?.content.equals(PNG)).toBe(true);
    expect(image?.contentDisposition).toBe("inline");
    expect(parsed.attachments.find((a) => a.filename === "a.txt")?.content.toString()).toBe("file");
  });
});

describe("losesFormatting (switching to plain text asks first)", () => {
  it("is false for what plain text can say, true for bold, lists, links, images", () => {
    expect(losesFormatting(plainTextToHtml("Hi\n\n> quoted\n\n-- \nBob"))).toBe(false);
    for (const html of ["<p><strong>b</strong></p>", "<ul><li><p>x</p></li></ul>", '<p><a href="https://x.test">x</a></p>', '<p><img src="data:x"></p>']) {
      expect(losesFormatting(html)).toBe(true);
    }
  });
});

describe("draft info", () => {
  it("remembers that a draft was written in rich text", () => {
    const info = { context: { kind: "new" as const, original: null }, to: "", cc: "", bcc: "" };
    expect(decodeDraftInfo(encodeDraftInfo({ ...info, format: "html" }))?.format).toBe("html");
    expect(decodeDraftInfo(encodeDraftInfo({ ...info, format: "plain" }))?.format).toBeUndefined();
  });
});
