import { describe, expect, it } from "vitest";
import { normalizeLine, splitVcards } from "./split-vcards";

describe("splitVcards", () => {
  it("unfolds continued lines and keeps the file line each starts on", () => {
    const { entries, problems } = splitVcards("BEGIN:VCARD\r\nVERSION:3.0\r\nNOTE:one\r\n  two\r\n\tthree\r\nEND:VCARD\r\n");
    expect(problems).toEqual([]);
    expect(entries).toEqual([{ index: 1, line: 1, lines: [{ line: 2, text: "VERSION:3.0" }, { line: 3, text: "NOTE:one twothree" }] }]);
  });

  it("joins vCard 2.1 quoted-printable soft line breaks, and only those", () => {
    const { entries } = splitVcards("BEGIN:VCARD\nNOTE;ENCODING=QUOTED-PRINTABLE:a=\nb=3D\nFN:x=\nEND:VCARD\n");
    expect(entries[0].lines.map((l) => l.text)).toEqual(["NOTE:ab=", "FN:x="]);
  });

  it("reports text outside entries and an entry the file ends inside, by line", () => {
    const { entries, problems } = splitVcards("junk\nBEGIN:VCARD\nFN:a\nEND:VCARD\nEND:VCARD\nBEGIN:VCARD\nFN:b\n");
    expect(entries.map((e) => e.index)).toEqual([1, 2]);
    expect(problems).toEqual([
      { line: 1, key: "textOutside", values: {}, message: "text outside any vCard (skipped)" },
      { line: 5, key: "endWithoutBegin", values: {}, message: "END:VCARD without BEGIN:VCARD (skipped)" },
      { entry: 2, line: 6, key: "noEnd", values: {}, message: "the file ends before this vCard's END:VCARD" },
    ]);
  });
});

describe("normalizeLine", () => {
  it("names vCard 2.1 bare parameters", () => {
    expect(normalizeLine("TEL;CELL;VOICE:+49 1")).toBe("TEL;TYPE=CELL;TYPE=VOICE:+49 1");
    expect(normalizeLine("PHOTO;JPEG;BASE64:AAAA")).toBe("PHOTO;TYPE=JPEG;ENCODING=BASE64:AAAA");
  });
  it("decodes quoted-printable in its charset and escapes it as vCard text", () => {
    expect(normalizeLine("N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;Hans")).toBe("N:Müller;Hans");
    expect(normalizeLine("NOTE;CHARSET=ISO-8859-1;QUOTED-PRINTABLE:K=F6ln, x=0D=0Aa\\b")).toBe("NOTE:Köln\\, x\\na\\\\b");
  });
  it("leaves a colon inside a quoted parameter alone", () => {
    expect(normalizeLine('TEL;VALUE=uri;TYPE="voice,cell":tel:+1')).toBe('TEL;VALUE=uri;TYPE="voice,cell":tel:+1');
  });
});
