import ICAL from "ical.js";
import { splitContentLine, splitVcards } from "@/lib/contacts/vcard/split-vcards";

/** The properties Postern reads and writes (lib/contacts/vcard): everything else on a server's
 * card (ADR, BDAY, URL, IMPP, X-...) is the other clients' and must survive Postern's edits. */
const OURS = new Set(["version", "uid", "fn", "n", "org", "note", "email", "tel", "photo", "kind", "member", "x-addressbookserver-kind", "x-addressbookserver-member", "prodid", "rev"]);

/** A content line's property name, without its group ("item1.EMAIL" is "email"). */
const nameOf = (line: string) => (splitContentLine(line)?.head ?? "").split(";")[0].replace(/^[^.]*\./, "").toLowerCase();

/**
 * Postern's vCard of a card (`mine`) with the lines of the properties Postern does not model
 * copied as they are from the server's last version of it (`server`), so editing a card here never
 * deletes its address, birthday or any other field there.
 */
export function keepForeignProperties(mine: string, server: string | null): string {
  const entry = server ? splitVcards(server).entries[0] : undefined;
  if (!entry) return mine;
  const foreign = entry.lines.map((l) => l.text).filter((text) => !OURS.has(nameOf(text)));
  if (foreign.length === 0) return mine;
  const folded = foreign.map((line) => ICAL.helpers.foldline(line).replace(/\r?\n/g, "\r\n"));
  return mine.replace(/END:VCARD\r\n$/, `${folded.join("\r\n")}\r\nEND:VCARD\r\n`);
}
