import { describe, expect, it } from "vitest";
import { parseOverviewFormat, parseOverviewLine } from "./parse-overview";

const line = (...fields: string[]) => Buffer.from(fields.join("\t"), "latin1");

describe("parseOverviewLine", () => {
  it("reads the seven fixed fields and Xref, decoding encoded words", () => {
    const row = parseOverviewLine(
      line("42", "=?UTF-8?Q?Gr=C3=BC=C3=9Fe?=", "Bob <bob@example.test>", "Sun, 06 Dec 2026 07:00:00 +0000", "<b@x>", "<a@x> <c@x>", "1234", "20", "Xref: news.lab.test misc.test:42 other.test:7"),
      ["xref"],
    );
    expect(row).toEqual({
      number: 42,
      subject: "Grüße",
      from: "Bob <bob@example.test>",
      date: Date.UTC(2026, 11, 6, 7),
      messageId: "b@x",
      references: ["a@x", "c@x"],
      bytes: 1234,
      lines: 20,
      xref: [
        { group: "misc.test", number: 42 },
        { group: "other.test", number: 7 },
      ],
    });
  });

  it("returns null for a line that is not an overview line", () => {
    expect(parseOverviewLine(Buffer.from("garbage"))).toBeNull();
    expect(parseOverviewLine(line("x", "s", "f", "d", "<m>", "", "1", "1"))).toBeNull();
    expect(parseOverviewLine(line("-3", "s", "f", "d", "<m>", "", "1", "1"))).toBeNull();
    expect(parseOverviewLine(line("5", "only", "three"))).toBeNull();
  });

  it("survives empty and damaged fields: no date, no id, negative sizes, raw Latin-1", () => {
    const row = parseOverviewLine(Buffer.concat([line("7", ""), Buffer.from("\tCaf\xe9 <c@x>\tnot a date\t\t\t-5\tx", "latin1")]))!;
    expect(row).toMatchObject({ number: 7, subject: "", from: "Café <c@x>", date: null, messageId: null, references: [], bytes: 0, lines: 0, xref: [] });
  });
});

describe("parseOverviewFormat", () => {
  it("names the fields after the fixed seven", () => {
    const fmt = ["Subject:", "From:", "Date:", "Message-ID:", "References:", ":bytes", ":lines", "Xref:full", "X-Extra:"];
    expect(parseOverviewFormat(fmt)).toEqual(["xref", "x-extra"]);
  });
});
