import { describe, expect, it } from "vitest";
import { readRtfBody } from "@/lib/mime/read-rtf-body";

const rtf = (s: string) => Buffer.from(s, "latin1");

describe("readRtfBody", () => {
  it("takes encapsulated HTML back out of RTF (\\fromhtml1), in the document's code page", () => {
    const body = readRtfBody(
      rtf(
        "{\\rtf1\\ansi\\ansicpg1252\\fromhtml1 \\deff0{\\fonttbl{\\f0\\fswiss Arial;}}{\\*\\htmltag19 <html>}{\\*\\htmltag50 <body>}" +
          "\\htmlrtf {\\htmlrtf0 Gr\\'fc\\'dfe {\\*\\htmltag84 <b>}\\htmlrtf \\b \\htmlrtf0 K\\'f6ln{\\*\\htmltag92 </b>}\\htmlrtf }\\htmlrtf0 " +
          "{\\*\\htmltag58 </body>}{\\*\\htmltag27 </html>}}",
      ),
    );
    expect(body).toEqual({ kind: "html", html: "<html><body>Grüße <b>Köln</b></body></html>" });
  });

  it("takes encapsulated plain text back out (\\fromtext)", () => {
    expect(readRtfBody(rtf("{\\rtf1\\ansi\\ansicpg1252\\fromtext \\deff0{\\fonttbl{\\f0 Courier;}}Hello\\par there}"))).toEqual({
      kind: "text",
      text: "Hello\r\nthere",
    });
  });

  it("reads the text of RTF written as RTF, leaving out tables, metadata and stand-ins", () => {
    const body = readRtfBody(
      rtf(
        "{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fswiss Arial;}}{\\colortbl;\\red0\\green0\\blue0;}{\\*\\generator Riched20;}" +
          "{\\stylesheet{\\s0 Normal;}}{\\info{\\title Secret title}}\\pard\\f0\\fs20 Hello \\b bold\\b0  K\\'f6ln\\par " +
          "Price\\tab 5 \\u8364\\'80\\line {\\field{\\*\\fldinst HYPERLINK \"x\"}{\\fldrslt link}}\\par}",
      ),
    );
    expect(body).toEqual({ kind: "text", text: "Hello bold Köln\nPrice\t5 €\nlink" });
  });

  it("gives null for bytes that are not RTF", () => {
    expect(readRtfBody(rtf("plain words"))).toBeNull();
  });
});
