import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { useTempDatabase } from "@/tests/fixtures/temp-database";
import { getPhoto, listCards } from "@/lib/contacts/card-store";
import { exportVcards } from "./export-vcards";
import { importVcards } from "./import-vcards";

useTempDatabase("import-vcards");

const ME = "bob@example.test";
const file = fs.readFileSync(path.join(__dirname, "../../../tests/fixtures/vcard/mixed-address-book.vcf"), "utf8");

describe("importVcards and exportVcards", () => {
  it("imports every entry that reads, names each one that does not by entry and line, and links group members", async () => {
    const report = await importVcards(ME, file);
    expect(report.added).toBe(6);
    expect(report.problems).toEqual([
      { entry: 4, name: "Broken Bob", line: 38, key: "lineNoColon", values: {}, message: "this line cannot be read: it has no “:” between the name and the value" },
      { entry: 7, name: "Eve With Remote Photo", line: 60, key: "badEmail", values: { value: "eve@" }, message: "“eve@” is not an email address" },
    ]);
    expect(report.notes.map((n) => [n.entry, n.message])).toEqual([
      [8, "its photo is a web address, which Postern does not fetch"],
      [6, "1 of its members are not in the address book"],
    ]);
    const cards = await listCards(ME);
    expect(cards.map((c) => c.name)).toEqual(["Book club", "Carol Nguyen", "Climbing club", "Dana Okafor", "Frank Remote", "Jürgen Müller"]);
    const byName = new Map(cards.map((c) => [c.name, c]));
    expect(byName.get("Climbing club")?.links.sort()).toEqual([byName.get("Carol Nguyen")?.id, byName.get("Jürgen Müller")?.id].sort());
    expect(byName.get("Book club")?.links).toEqual([byName.get("Dana Okafor")?.id]);
    expect((await getPhoto(ME, byName.get("Carol Nguyen")!.id))?.type).toBe("image/jpeg");
  });

  it("exports everything, one contact, or a group with its members, and a re-import updates instead of duplicating", async () => {
    for (const version of ["3.0", "4.0"] as const) {
      const all = await exportVcards(ME, { version });
      expect(all.text.match(/BEGIN:VCARD/g)).toHaveLength(6);
      const again = await importVcards(ME, all.text);
      expect(again).toMatchObject({ added: 0, updated: 6, problems: [] });
    }
    const cards = await listCards(ME);
    expect(cards).toHaveLength(6);
    const club = cards.find((c) => c.name === "Climbing club")!;
    expect(club.links).toHaveLength(2);
    const groupFile = await exportVcards(ME, { id: club.id, version: "4.0" });
    expect(groupFile.filename).toBe("Climbing club.vcf");
    expect(groupFile.text.match(/BEGIN:VCARD/g)).toHaveLength(3);
    expect(groupFile.text.match(/^MEMBER:/gm)).toHaveLength(2);
    const carol = cards.find((c) => c.name === "Carol Nguyen")!;
    const one = await exportVcards(ME, { id: carol.id, version: "3.0" });
    expect(one.text).toContain("EMAIL;TYPE=INTERNET,work:carol@work.example");
    expect(one.text).toContain("PHOTO;ENCODING=b;TYPE=JPEG:");
    await expect(exportVcards("alice@example.test", { id: carol.id, version: "4.0" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
