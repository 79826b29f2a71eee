import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { extractMember, formatMember, parseMember } from "@/lib/mime/derived-member";
import { enrichedToText } from "@/lib/mime/enriched-to-text";
import { extractUuencoded } from "@/lib/mime/extract-uuencoded";
import { readTnef } from "@/lib/mime/read-tnef";
import { FIXTURES } from "@/tests/fixtures/mime/view-fixture";

/** The base64 body of the fixture's winmail.dat part, decoded. */
function fixtureTnef(): Buffer {
  const raw = fs.readFileSync(path.join(FIXTURES, "tnef-winmail.eml"), "latin1");
  const body = raw.split('filename="winmail.dat"\r\n\r\n')[1].split("\r\n\r\n")[0];
  return Buffer.from(body, "base64");
}

describe("member names", () => {
  it("round-trips and refuses anything else", () => {
    expect(parseMember(formatMember({ kind: "tnef", index: 2 }))).toEqual({ kind: "tnef", index: 2 });
    for (const bad of ["tnef:0", "uue:x", "zip:1", "tnef:1/../2", "uue:12345"]) expect(parseMember(bad)).toBeNull();
  });
});

describe("TNEF", () => {
  it("lists files with their long names and extracts them by index", () => {
    const tnef = fixtureTnef();
    expect(readTnef(tnef)?.files.map((f) => [f.name, f.data.length])).toEqual([
      ["Quarterly report Q2 – final.pdf", 100],
      ["Meeting notes.txt", 70],
    ]);
    const notes = extractMember(tnef, { kind: "tnef", index: 2 });
    expect(notes?.data.toString("utf8")).toBe("Quarterly numbers: revenue up 12 %, costs down 3 %.\nGrüße aus Köln\n");
    expect(extractMember(tnef, { kind: "tnef", index: 3 })).toBeNull();
  });

  it("keeps the files before a cut and says it is damaged; refuses what is not TNEF", () => {
    const tnef = fixtureTnef();
    const cut = readTnef(tnef.subarray(0, tnef.indexOf("Quarterly numbers") + 10));
    expect(cut).toMatchObject({ damaged: true });
    expect(cut?.files.map((f) => f.data.length)).toEqual([100]);
    expect(readTnef(Buffer.from("not tnef at all"))).toBeNull();
  });
});

describe("uuencode", () => {
  it("takes well-formed blocks out and leaves prose that starts with 'begin' alone", () => {
    const text = "Hi\nbegin 644 a.txt\n#86)C\n`\nend\nbye\nbegin 644 the meeting at noon\nok\n";
    const found = extractUuencoded(text);
    expect(found.files).toEqual([{ name: "a.txt", data: Buffer.from("abc") }]);
    expect(found.text).toBe("Hi\nbye\nbegin 644 the meeting at noon\nok\n");
    expect(extractMember(Buffer.from(text), { kind: "uue", index: 1 })?.data.toString()).toBe("abc");
  });
});

describe("text/enriched", () => {
  it("drops commands and params, reads << and applies the line rules", () => {
    expect(enrichedToText("<bold>a</bold>\nb\n\n\nc<param>x</param><<d>\n<nofill>e\nf</nofill>")).toBe("a b\n\nc<d> e\nf");
  });
});
