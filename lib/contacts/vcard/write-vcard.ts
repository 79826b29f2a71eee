import ICAL from "ical.js";
import type { ContactCardView } from "@/lib/contacts/card-fields";

export type VcardVersion = "3.0" | "4.0";

/** A card as written: its fields, its photo's bytes, and (for a group) its members' UIDs. */
export type CardToWrite = Pick<ContactCardView, "kind" | "uid" | "name" | "organization" | "notes" | "emails" | "phones"> & {
  photo: { bytes: Uint8Array; type: string } | null;
  memberUids: string[];
};

/** MEMBER takes a URI (RFC 6350 6.6.5): a bare UID from an imported file becomes urn:uuid:. */
export const asUri = (uid: string) => (/^[a-z][a-z0-9+.-]*:/i.test(uid) ? uid : `urn:uuid:${uid}`);

/**
 * One card as vCard text, through ical.js (escaping, folding at 75 octets). 4.0 is RFC 6350
 * (KIND:group, MEMBER, photo as a data: URI); 3.0 is RFC 2426 with Apple's
 * X-ADDRESSBOOKSERVER-KIND/-MEMBER for groups, which 3.0 has no word for, and ENCODING=b photos.
 */
export function writeVcard(card: CardToWrite, version: VcardVersion): string {
  const c = new ICAL.Component("vcard");
  c.addPropertyWithValue("version", version);
  c.addPropertyWithValue("uid", card.uid);
  c.addPropertyWithValue("fn", card.name || card.emails[0]?.address || "");
  if (card.kind === "group") {
    c.addPropertyWithValue(version === "4.0" ? "kind" : "x-addressbookserver-kind", "group");
    // 3.0 requires N; a group's is its name
    if (version === "3.0") c.addPropertyWithValue("n", [card.name, "", "", "", ""]);
    for (const uid of card.memberUids) c.addPropertyWithValue(version === "4.0" ? "member" : "x-addressbookserver-member", asUri(uid));
  } else {
    const words = card.name.trim().split(/\s+/);
    const family = words.length > 1 ? words.pop()! : "";
    c.addPropertyWithValue("n", [family, words.join(" "), "", "", ""]);
    if (card.organization) c.addPropertyWithValue("org", [card.organization]);
    for (const e of card.emails) {
      const p = c.addPropertyWithValue("email", e.address);
      if (version === "3.0") p.setParameter("type", e.label ? ["INTERNET", e.label] : ["INTERNET"]);
      else if (e.label) p.setParameter("type", e.label);
    }
    for (const t of card.phones) {
      const p = c.addPropertyWithValue("tel", t.number);
      if (t.label) p.setParameter("type", t.label);
    }
    if (card.photo) {
      const base64 = Buffer.from(card.photo.bytes).toString("base64");
      if (version === "4.0") c.addPropertyWithValue("photo", `data:${card.photo.type};base64,${base64}`);
      else {
        const p = c.addPropertyWithValue("photo", base64);
        p.setParameter("encoding", "b");
        p.setParameter("type", card.photo.type.replace("image/", "").toUpperCase());
      }
    }
  }
  if (card.notes) c.addPropertyWithValue("note", card.notes);
  return c.toString().replace(/\r?\n/g, "\r\n") + "\r\n";
}
