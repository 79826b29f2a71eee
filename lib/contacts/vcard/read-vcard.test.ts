import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { entryName, readVcard, VcardEntryError } from "./read-vcard";
import { lineProblem } from "./line-problem";
import { splitVcards } from "./split-vcards";

const file = fs.readFileSync(path.join(__dirname, "../../../tests/fixtures/vcard/mixed-address-book.vcf"), "utf8");
const { entries } = splitVcards(file);
const read = (i: number) => readVcard(entries[i - 1]);

describe("readVcard", () => {
  it("reads an iPhone 3.0 card: folded inline photo, labelled addresses, escaped organisation and note", () => {
    const c = read(1);
    expect(c.kind).toBe("individual");
    expect(c.uid).toBe("8D5C7C9B-1111-4D6E-9A3F-000000000001");
    expect(c.fields).toEqual({
      name: "Carol Nguyen",
      organization: "Acme, Inc., Research",
      notes: "Met at the conference, table 4.\nLikes tea.",
      emails: [{ address: "carol@work.example", label: "work" }, { address: "carol@home.example", label: "home" }],
      phones: [{ number: "+1 (555) 010-9999", label: "cell" }],
    });
    expect(c.photo?.type).toBe("image/jpeg");
    expect(c.photo?.bytes.length).toBeGreaterThan(50);
  });

  it("reads an Apple group (X-ADDRESSBOOKSERVER-KIND) and a 4.0 group (KIND:group) with their members", () => {
    expect(read(2)).toMatchObject({ kind: "group", fields: { name: "Climbing club" }, members: ["urn:uuid:8D5C7C9B-1111-4D6E-9A3F-000000000001", "urn:uuid:2b0d5b3e-2222-4f4f-8e8e-000000000002"] });
    expect(read(6)).toMatchObject({ kind: "group", uid: "urn:uuid:5a5a5a5a-4444-4c4c-8d8d-000000000004", fields: { name: "Book club" } });
  });

  it("reads vCard 2.1 quoted-printable in UTF-8 and ISO-8859-1, soft line breaks, bare parameters", () => {
    const c = read(3);
    expect(c.fields.name).toBe("Jürgen Müller");
    expect(c.fields.notes).toBe("Grüße aus Köln,\nzweite Zeile mit einer sehr langen Notiz die weitergeht");
    expect(c.fields.phones).toEqual([{ number: "+49 170 1234567", label: "cell" }]);
    expect(c.fields.emails).toEqual([{ address: "juergen@example.de", label: "" }]);
  });

  it("reads a 4.0 photo as a data: URI and a tel: URI number", () => {
    const c = read(5);
    expect(c.photo?.type).toBe("image/png");
    expect(c.fields.phones).toEqual([{ number: "+44-20-7946-0000", label: "cell" }]);
  });

  it("does not fetch a photo given as a web address, and says so", () => {
    const c = read(8);
    expect(c.photo).toBeNull();
    expect(c.warnings).toEqual([{ key: "photoAtAddress", values: {}, message: "its photo is a web address, which Postern does not fetch" }]);
  });

  it("names the file line of a line it cannot read, and of a bad address", () => {
    expect(() => read(4)).toThrow(VcardEntryError);
    expect(() => read(4)).toThrow(expect.objectContaining({ line: 38 }));
    expect(entryName(entries[3])).toBe("Broken Bob");
    expect(() => read(7)).toThrow(expect.objectContaining({ line: 60, message: "“eve@” is not an email address" }));
  });

  it("says what is wrong with a line ical.js cannot read, and passes on a reason it does not know", () => {
    const refusal = (line: string) => {
      const [entry] = splitVcards(`BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Broken\r\n${line}\r\nEND:VCARD\r\n`).entries;
      try {
        readVcard(entry);
      } catch (e) {
        if (e instanceof VcardEntryError) return { line: e.line, key: e.said.key, message: e.said.message };
        throw e;
      }
      throw new Error(`read: ${line}`);
    };
    expect(refusal("just some words")).toEqual({ line: 4, key: "lineNoColon", message: "this line cannot be read: it has no “:” between the name and the value" });
    expect(refusal('TEL;TYPE="cell:+1 555 0100')).toMatchObject({ line: 4, key: "lineOpenQuote" });
    expect(refusal("TEL;CELL")).toMatchObject({ line: 4, key: "lineParameterNoValue" });
    expect(refusal("EMAIL;TYPE=work")).toMatchObject({ line: 4, key: "lineNoValue" });
    expect(refusal("TEL;=cell:+1 555 0100")).toMatchObject({ line: 4, key: "lineParameterNoName" });
    expect(refusal("BEGIN:VEVENT")).toMatchObject({ key: "lineBeginWithoutEnd" });
  });

  it("keeps ical.js's own words for a reason it has not given before", () => {
    expect(lineProblem(new Error("something new"))).toEqual({ key: "unreadableLine", values: { reason: "something new" }, message: "this line cannot be read (something new)" });
  });

  it("refuses an SVG photo, whatever type it claims", () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>').toString("base64");
    const [entry] = splitVcards(`BEGIN:VCARD\nVERSION:4.0\nFN:X\nPHOTO:data:image/jpeg;base64,${svg}\nEND:VCARD\n`).entries;
    expect(readVcard(entry)).toMatchObject({ photo: null, warnings: [{ key: "photoType", message: "its photo is not a JPEG, PNG, GIF or WebP image and was left out" }] });
  });
});
