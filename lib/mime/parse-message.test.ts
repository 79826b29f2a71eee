import fs from "node:fs";
import path from "node:path";
import { PassThrough, Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { MAX_INLINE_IMAGE_BYTES } from "@/lib/mime/collect-attachments";
import { parseMessage } from "@/lib/mime/parse-message";
import { PROBLEMS } from "@/lib/mime/problems";
import type { ParsedMessage } from "@/lib/mime/types";

const FIXTURES = path.join(import.meta.dirname, "../../tests/fixtures/mime");
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name));
const streamFixture = (name: string) => fs.createReadStream(path.join(FIXTURES, name));

/** The fixture as a stream of small chunks, so boundaries and headers straddle chunk edges. */
function trickle(buffer: Buffer, size = 7): Readable {
  const chunks: Buffer[] = [];
  for (let i = 0; i < buffer.length; i += size) chunks.push(buffer.subarray(i, i + size));
  return Readable.from(chunks);
}

const crlf = (text: string) => Buffer.from(text.replace(/\r?\n/g, "\r\n"));

// 1x1 PNG
const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c4944415478da63f8cfc0000003010100c9fe92ef0000000049454e44ae426082",
  "hex",
);

function messageWithImage(image: Buffer, contentType: string): Buffer {
  return crlf(`From: a@example.com
Subject: image
MIME-Version: 1.0
Content-Type: multipart/related; boundary=r

--r
Content-Type: text/html

<img src="cid:pic@example.com">
--r
Content-Type: ${contentType}
Content-ID: <pic@example.com>
Content-Transfer-Encoding: base64

${image.toString("base64").replace(/.{76}/g, "$&\n")}
--r--
`);
}

describe("parseMessage", () => {
  describe("charsets", () => {
    it("decodes a windows-874 (Thai) body, subject and sender name", async () => {
      const msg = await parseMessage(streamFixture("thai-windows-874.eml"));
      expect(msg.text?.trim()).toBe("สวัสดีครับ ทุกคน");
      expect(msg.subject).toBe("สวัสดีครับ");
      expect(msg.from).toEqual([{ name: "สมชาย ใจดี", address: "somchai@example.co.th" }]);
      expect(msg.problems).toEqual([]);
    });

    it("decodes a TIS-620 quoted-printable HTML body and Q-encoded subject, and derives text from it", async () => {
      const msg = await parseMessage(streamFixture("thai-tis-620.eml"));
      expect(msg.subject).toBe("ประชุม");
      expect(msg.html).toContain("<p>สวัสดีครับ ทุกคน</p>");
      expect(msg.text?.trim()).toBe("สวัสดีครับ ทุกคน");
    });

    it("decodes an ISO-8859-1 8bit body and Q-encoded subject and name", async () => {
      const msg = await parseMessage(fixture("latin1.eml"));
      expect(msg.text).toContain("Café crème");
      expect(msg.subject).toBe("Café crème");
      expect(msg.from[0]).toEqual({ name: "François Léger", address: "francois@example.fr" });
    });

    it("decodes RFC 2047 UTF-8 B encoded words, joining adjacent ones across a fold", async () => {
      const msg = await parseMessage(fixture("rfc2047-utf8-b.eml"));
      expect(msg.subject).toBe("Grüße aus Köln und 東京");
      expect(msg.from[0].name).toBe("Jürgen Weiß");
      expect(msg.cc).toEqual([{ name: "山田 太郎", address: "taro@example.jp" }]);
    });

    it("decodes RFC 2047 UTF-8 and ISO-8859-1 Q encoded words and flattens address groups", async () => {
      const msg = await parseMessage(fixture("rfc2047-utf8-q.eml"));
      expect(msg.subject).toBe("¡Hola señor! €100");
      expect(msg.from[0].name).toBe("José García");
      expect(msg.replyTo).toEqual([{ name: "Noël", address: "noel@example.fr" }]);
      expect(msg.to).toEqual([
        { name: "Renée", address: "renee@example.fr" },
        { name: "", address: "carl@example.com" },
        { name: "", address: "dora@example.com" },
      ]);
    });

    it("decodes ISO-2022-JP subjects, names and bodies", async () => {
      const msg = await parseMessage(fixture("iso-2022-jp.eml"));
      expect(msg.subject).toBe("会議の資料について");
      expect(msg.from[0].name).toBe("山田");
      expect(msg.text?.trim()).toBe("お世話になっております。");
    });
  });

  describe("headers", () => {
    it("returns the date as ISO 8601 and the Message-ID with its angle brackets", async () => {
      const msg = await parseMessage(fixture("single-part-text.eml"));
      expect(msg.date).toBe("2025-03-04T09:20:30.000Z");
      expect(msg.messageId).toBe("<single-part-text@example.com>");
      expect(msg.subject).toBe("Single part text");
    });

    it("reports an unreadable date as null instead of mailparser's 'now'", async () => {
      const msg = await parseMessage(crlf("From: a@example.com\nDate: sometime last week\nSubject: s\n\nbody\n"));
      expect(msg.date).toBeNull();
      expect(msg.problems).toContain(PROBLEMS.unreadableDate);
    });

    it("leaves date and Message-ID null when the headers are missing, without a problem", async () => {
      const msg = await parseMessage(crlf("From: a@example.com\nSubject: s\n\nbody\n"));
      expect(msg.date).toBeNull();
      expect(msg.messageId).toBeNull();
      expect(msg.problems).toEqual([]);
    });
  });

  // Expected numbers were checked against Dovecot 2.3: BODYSTRUCTURE, and BINARY.SIZE[part] equal
  // to the size parseMessage counted, for every attachment of every fixture.
  describe("IMAP part numbers", () => {
    // every file of the message and of the messages embedded in it, as [part number, name]
    const filesOf = (msg: ParsedMessage): string[][] => {
      const embedded = msg.attachedMessages ?? [];
      const parsed = new Set(embedded.map((m) => m.partId));
      const own = msg.attachments.filter((a) => !parsed.has(a.partId)).map((a) => [a.partId, a.filename]);
      return [...own, ...embedded.flatMap((m) => filesOf(m.message))];
    };
    const partIds = async (name: string) => filesOf(await parseMessage(trickle(fixture(name))));

    it("numbers the only part of a non-multipart message 1 (mailparser says null)", async () => {
      expect(await partIds("single-part-attachment.eml")).toEqual([["1", "report.pdf"]]);
      expect(await partIds("single-part-text.eml")).toEqual([]);
    });

    it("numbers the attachments of multipart/mixed 2 and 3 after the text part 1", async () => {
      expect(await partIds("mixed-two-attachments.eml")).toEqual([
        ["2", "invoice.pdf"],
        ["3", "photo.png"],
      ]);
    });

    it("derives the text of an HTML-only body below the top level (mailparser derives none)", async () => {
      const raw = crlf(`From: a@example.com
Subject: s
Content-Type: multipart/mixed; boundary=b

--b
Content-Type: text/html; charset=utf-8

<p>Hello <b>there</b></p><p>Second &amp; last</p>
--b
Content-Type: application/pdf; name=a.pdf

x
--b--
`);
      const msg = await parseMessage(raw);
      expect(msg.html).toContain("<b>there</b>");
      expect(msg.text).toBe("Hello there\n\nSecond & last");
    });

    it("counts a multipart/alternative inside multipart/mixed as part 1", async () => {
      const msg = await parseMessage(fixture("alternative-in-mixed.eml"));
      expect(msg.attachments.map((a) => a.partId)).toEqual(["2"]);
      expect(msg.text).toBe("Plain version");
      expect(msg.html).toContain("<b>version</b>");
    });

    it("numbers a cid image in multipart/related inside multipart/alternative 1.2.2", async () => {
      const msg = await parseMessage(fixture("related-in-alternative.eml"));
      expect(msg.attachments).toEqual([
        { partId: "1.2.2", filename: "logo.png", contentType: "image/png", size: 69, disposition: "inline", contentId: "logo@example.com", previewType: "image/png" },
        { partId: "1.2.3", filename: "vector.svg", contentType: "image/svg+xml", size: 79, disposition: "inline", contentId: "vector@example.com" },
        { partId: "2", filename: "terms.pdf", contentType: "application/pdf", size: 77, disposition: "attachment" },
      ]);
    });

    it("lists an attached message/rfc822 as one part, not its inner parts", async () => {
      const msg = await parseMessage(fixture("attached-rfc822.eml"));
      expect(msg.attachments).toMatchObject([{ partId: "2", contentType: "message/rfc822", filename: "original.eml" }]);
    });

    it("numbers the parts of an inline message/rfc822 under the message's own number", async () => {
      expect(await partIds("inline-rfc822.eml")).toEqual([["2.2", "chart.png"]]);
    });

    it("numbers the single body of an embedded message n.1 (mailparser says n)", async () => {
      expect(await partIds("inline-rfc822-single-part.eml")).toEqual([["2.1", "scan.pdf"]]);
      expect(await partIds("toplevel-rfc822-single.eml")).toEqual([["1.1", "a.pdf"]]);
    });

    it("numbers the parts of a message that is itself message/rfc822 1.n (mailparser says n)", async () => {
      expect(await partIds("toplevel-rfc822-multipart.eml")).toEqual([["1.2", "a.pdf"]]);
    });

    it("numbers deeply nested parts through an embedded message", async () => {
      expect(await partIds("nested-rfc822-deep.eml")).toEqual([
        ["2.1", "g.gif"],
        ["2.2.2.2", "part-2.2.2.2.bin"],
      ]);
    });
  });

  describe("inline images", () => {
    it("keeps cid images of safe raster types and refuses SVG", async () => {
      const msg = await parseMessage(fixture("related-in-alternative.eml"));
      expect(Object.keys(msg.inlineImages)).toEqual(["logo@example.com"]);
      expect(msg.inlineImages["logo@example.com"].contentType).toBe("image/png");
      expect(msg.html).toContain("cid:logo@example.com");
    });

    it("goes by the bytes: SVG declared as image/png is refused, a PNG sent as octet-stream is kept", async () => {
      const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');
      expect((await parseMessage(messageWithImage(svg, "image/png"))).inlineImages).toEqual({});
      const png = await parseMessage(messageWithImage(PNG, "application/octet-stream"));
      expect(png.inlineImages["pic@example.com"]).toEqual({ contentType: "image/png", data: PNG });
    });

    it("does not keep an image over the size cap but still counts and lists it", async () => {
      const big = Buffer.concat([PNG, Buffer.alloc(MAX_INLINE_IMAGE_BYTES)]);
      const msg = await parseMessage(messageWithImage(big, "image/png"));
      expect(msg.inlineImages).toEqual({});
      expect(msg.attachments).toMatchObject([{ partId: "2", size: big.length, contentId: "pic@example.com" }]);
      expect(msg.problems).toContain(PROBLEMS.inlineImagesTooLarge);
    });
  });

  describe("malformed messages", () => {
    it("reports a missing final boundary and keeps the parts before it", async () => {
      const msg = await parseMessage(streamFixture("missing-final-boundary.eml"));
      expect(msg.text).toBe("The attachment below is cut off.");
      expect(msg.attachments).toMatchObject([{ partId: "2", filename: "cut.pdf" }]);
      expect(msg.problems).toEqual([PROBLEMS.damagedStructure]);
    });

    it("does not report damage for well-formed nested multiparts", async () => {
      for (const name of ["related-in-alternative.eml", "inline-rfc822.eml", "nested-rfc822-deep.eml"]) {
        expect((await parseMessage(fixture(name))).problems).toEqual([]);
      }
    });

    it("reports invalid base64 in a text part and in an attachment", async () => {
      const msg = await parseMessage(fixture("bad-base64.eml"));
      expect(msg.text).toBe("Hello world");
      expect(msg.problems).toEqual([PROBLEMS.corruptContent, PROBLEMS.corruptAttachment("broken.png")]);
    });

    it("shows a message without any header as raw text", async () => {
      const msg = await parseMessage(fixture("no-headers.eml"));
      expect(msg.text).toBe("Hello Bob,\n\nthis message has no header block at all.\nJust text.\n");
      expect(msg.subject).toBe("");
      expect(msg.problems).toEqual([PROBLEMS.noHeaders]);
    });

    it("survives binary garbage", async () => {
      const msg = await parseMessage(streamFixture("binary-garbage.eml"));
      expect(msg.problems).toEqual([PROBLEMS.noHeaders]);
      expect(typeof msg.text).toBe("string");
      expect(msg.text).not.toMatch(/[\u0000-\u0008]/);
      expect(msg.attachments).toEqual([]);
    });

    it("survives empty input", async () => {
      const msg = await parseMessage(Buffer.alloc(0));
      expect(msg.text).toBeNull();
      expect(msg.html).toBeNull();
      expect(msg.problems).toEqual([PROBLEMS.noHeaders]);
    });

    it("returns the readable headers and the raw body when mailparser gives up (too many parts)", async () => {
      const parts = Array.from({ length: 1100 }, (_, i) => `--b\r\nContent-Type: text/plain\r\n\r\npart ${i}\r\n`).join("");
      const raw = crlf("From: Alice <a@example.com>\nSubject: Many parts\nContent-Type: multipart/mixed; boundary=b\n\n");
      const msg = await parseMessage(Buffer.concat([raw, Buffer.from(parts + "--b--\r\n")]));
      expect(msg.subject).toBe("Many parts");
      expect(msg.from).toEqual([{ name: "Alice", address: "a@example.com" }]);
      expect(msg.text).toContain("part 1099");
      expect(msg.html).toBeNull();
      expect(msg.problems).toContain(PROBLEMS.parseFailed);
    });

    it("does not wait forever for an attachment the failed parser never finishes", async () => {
      const part = "--b\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\nAAECAwQF\r\n";
      const raw = `From: a@example.com\r\nSubject: s\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n${part.repeat(1100)}--b--\r\n`;
      const msg = await parseMessage(Buffer.from(raw));
      expect(msg.problems).toContain(PROBLEMS.parseFailed);
      expect(msg.subject).toBe("s");
    });

    it("finishes when the input ends inside the header of an inline forwarded message (mailparser hangs there)", async () => {
      const raw = crlf("From: a@example.com\nSubject: fwd\nContent-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: message/rfc822\nContent-Disposition: inline");
      const msg = await parseMessage(raw);
      expect(msg.subject).toBe("fwd");
      expect(msg.problems).toContain(PROBLEMS.damagedStructure);
    });

    it("returns the readable headers when the header block exceeds mailparser's limit", async () => {
      const junk = `X-Junk: ${"a".repeat(70)}\r\n`.repeat(20_000);
      const msg = await parseMessage(Buffer.concat([crlf("Subject: Huge header\nFrom: a@example.com\n"), Buffer.from(junk), crlf("\nbody\n")]));
      expect(msg.subject).toBe("Huge header");
      expect(msg.problems).toContain(PROBLEMS.parseFailed);
      expect(msg.problems).toContain(PROBLEMS.rawTextTruncated);
    });

    it("keeps what arrived when the source stream fails midway", async () => {
      const source = new PassThrough();
      const parsed = parseMessage(source);
      const raw = fixture("mixed-two-attachments.eml");
      source.write(raw.subarray(0, raw.indexOf("--mix\r\nContent-Type: image/png")));
      source.destroy(new Error("connection reset"));
      const msg = await parsed;
      expect(msg.subject).toBe("Mixed two attachments");
      expect(msg.text).toBe("Please find two files attached.");
      expect(msg.attachments.map((a) => a.filename)).toEqual(["invoice.pdf"]);
      expect(msg.problems).toContain(PROBLEMS.sourceFailed);
    });
  });
});
