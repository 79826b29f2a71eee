import { describe, expect, it } from "vitest";
import { readVcard } from "./read-vcard";
import { splitVcards } from "./split-vcards";
import { writeVcard, type CardToWrite } from "./write-vcard";

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const person: CardToWrite = {
  kind: "individual",
  uid: "urn:uuid:11111111-2222-3333-4444-555555555555",
  name: "Zoë Adebayo-Smith",
  organization: "Acme, Inc.",
  notes: "line one; with a semicolon\nline two, with a comma and a long tail ".repeat(3),
  emails: [{ address: "zoe@work.example", label: "work" }, { address: "zoe@home.example", label: "" }],
  phones: [{ number: "+1 555 0100", label: "cell" }],
  photo: { bytes: png, type: "image/png" },
  memberUids: [],
};
const reread = (text: string) => readVcard(splitVcards(text).entries[0]);

describe("writeVcard", () => {
  for (const version of ["3.0", "4.0"] as const) {
    it(`writes a person in vCard ${version} that reads back the same, long lines folded (ical.js: 75 characters after the leading space)`, () => {
      const text = writeVcard(person, version);
      expect(text).toContain(`VERSION:${version}`);
      expect(text.split("\r\n").filter((l) => Buffer.byteLength(l) > 76)).toEqual([]);
      const back = reread(text);
      expect(back.fields).toEqual({ name: person.name, organization: person.organization, notes: person.notes, emails: person.emails, phones: person.phones });
      expect(back.uid).toBe(person.uid);
      expect(back.photo).toEqual({ bytes: png, type: "image/png" });
    });

    it(`writes a group in vCard ${version} with its members as URIs`, () => {
      const text = writeVcard({ ...person, kind: "group", name: "Team", emails: [], phones: [], photo: null, notes: "", memberUids: ["plain-uid", "urn:uuid:abc"] }, version);
      expect(text).toContain(version === "4.0" ? "KIND:group" : "X-ADDRESSBOOKSERVER-KIND:group");
      expect(reread(text)).toMatchObject({ kind: "group", fields: { name: "Team" }, members: ["urn:uuid:plain-uid", "urn:uuid:abc"] });
    });
  }
});
