import ICAL from "ical.js";
import { cardEmailSchema, cardPhoneSchema, type CardEmail, type CardFields, type CardKind, type CardPhone } from "@/lib/contacts/card-fields";
import { sniffImage, type PhotoType } from "@/lib/contacts/sniff-image";
import { MAX_CARD_EMAILS, MAX_CARD_PHONES, MAX_CONTACT_PHOTO_BYTES } from "@/lib/limits";
import { lineProblem } from "./line-problem";
import type { VcardEntry } from "./split-vcards";
import { vcardSaid, type VcardSaid } from "./vcard-problems";

/** One entry of a .vcf file as Postern keeps it. `members` are the UIDs a group names. */
export type ReadCard = {
  kind: CardKind;
  uid: string | null;
  fields: CardFields;
  photo: { bytes: Uint8Array; type: PhotoType } | null;
  members: string[];
  /** What was left behind (a photo at a web address, addresses over the limit). */
  warnings: VcardSaid[];
};

/** An entry that cannot be imported, with the file line at fault. */
export class VcardEntryError extends Error {
  constructor(
    readonly line: number,
    readonly said: VcardSaid,
  ) {
    super(said.message);
  }
}

type JCalProperty = [string, Record<string, string | string[]>, string, ...unknown[]];

const WRAP = (line: string) => `BEGIN:VCARD\r\nVERSION:4.0\r\n${line}\r\nEND:VCARD\r\n`;
/** TYPE values that say how, not which: not a label a person would give an address or a number. */
const NOT_LABELS = new Set(["internet", "pref", "x400", "voice", "msg", "text", "x-mobile"]);

const text = (v: unknown): string => (Array.isArray(v) ? v.map(text).filter(Boolean).join(" ") : typeof v === "string" ? v : v == null ? "" : String(v));
const clip = (s: string, max: number) => s.replace(/[\r\n\t]+/g, " ").trim().slice(0, max);

function labelOf(params: JCalProperty[1]): string {
  const types = [params.type ?? []].flat().flatMap((t) => t.split(",")).map((t) => t.trim().toLowerCase());
  return clip(types.find((t) => t && !NOT_LABELS.has(t)) ?? "", 40);
}

/** The line of `entry` that ical.js cannot read: each is tried alone. */
function failingLine(entry: VcardEntry): { line: number; said: VcardSaid } {
  for (const l of entry.lines) {
    try {
      ICAL.parse(WRAP(l.text));
    } catch (e) {
      return { line: l.line, said: lineProblem(e) };
    }
  }
  return { line: entry.line, said: vcardSaid("unreadable") };
}

function readPhoto(prop: JCalProperty): { bytes: Uint8Array; type: PhotoType } | VcardSaid {
  const value = text(prop[3]);
  const encoding = text(prop[1].encoding).toLowerCase();
  let base64: string | null = null;
  if (encoding === "b" || encoding === "base64") base64 = value;
  else if (/^data:/i.test(value)) base64 = /^data:[^,]*;base64,(.*)$/is.exec(value)?.[1] ?? null;
  // A photo at a web address is not fetched: the address is the file's author's choice, and
  // fetching it would make Postern call any host, inside the team's network too.
  else if (/^https?:/i.test(value)) return vcardSaid("photoAtAddress");
  if (base64 === null) return vcardSaid("photoUnreadable");
  const bytes = new Uint8Array(Buffer.from(base64.replace(/\s+/g, ""), "base64"));
  if (bytes.length > MAX_CONTACT_PHOTO_BYTES) return vcardSaid("photoTooLarge", { kb: MAX_CONTACT_PHOTO_BYTES / 1024 });
  const type = sniffImage(bytes);
  return type ? { bytes, type } : vcardSaid("photoType");
}

/**
 * One vCard 2.1, 3.0 or 4.0 entry (from splitVcards) read through ical.js: name (FN, else N),
 * organisation, notes, addresses, phones, photo (inline base64 or data: URI), UID, and whether it
 * is a group (4.0 KIND:group with MEMBER, or Apple's X-ADDRESSBOOKSERVER-KIND/-MEMBER).
 * @throws VcardEntryError naming the file line that cannot be read or holds a bad address
 */
export function readVcard(entry: VcardEntry): ReadCard {
  let props: JCalProperty[];
  try {
    const jcal = ICAL.parse(`BEGIN:VCARD\r\n${entry.lines.map((l) => l.text).join("\r\n")}\r\nEND:VCARD\r\n`) as unknown as [string, JCalProperty[], unknown[]];
    props = jcal[1];
  } catch {
    const { line, said } = failingLine(entry);
    throw new VcardEntryError(line, said);
  }
  // ical.js keeps the properties in file order, one per content line: property i is line i.
  const lineOf = (i: number) => (props.length === entry.lines.length ? entry.lines[i].line : entry.line);
  const warnings: VcardSaid[] = [];
  const emails: CardEmail[] = [];
  const phones: CardPhone[] = [];
  const members: string[] = [];
  const notes: string[] = [];
  let fn = "";
  let n = "";
  let org = "";
  let uid: string | null = null;
  let kind: CardKind = "individual";
  let photo: ReadCard["photo"] = null;
  props.forEach((prop, i) => {
    const [name, params, , ...values] = prop;
    const value = text(values[0]);
    switch (name) {
      case "fn": fn ||= value; break;
      case "n": n ||= Array.isArray(values[0]) ? [values[0][1], values[0][2], values[0][0]].map(text).filter(Boolean).join(" ") : value; break;
      case "org": org ||= Array.isArray(values[0]) ? values[0].map(text).filter(Boolean).join(", ") : value; break;
      case "note": notes.push(values.map(text).join(", ")); break;
      case "uid": uid ||= clip(value, 200) || null; break;
      case "kind": case "x-addressbookserver-kind": if (value.toLowerCase() === "group") kind = "group"; break;
      case "member": case "x-addressbookserver-member": members.push(clip(value, 200)); break;
      case "email": {
        const parsed = cardEmailSchema.safeParse({ address: value.replace(/^mailto:/i, ""), label: labelOf(params) });
        if (!parsed.success) throw new VcardEntryError(lineOf(i), vcardSaid("badEmail", { value: clip(value, 80) }));
        if (emails.length < MAX_CARD_EMAILS) emails.push(parsed.data);
        else if (emails.length === MAX_CARD_EMAILS) warnings.push(vcardSaid("extraEmails", { max: MAX_CARD_EMAILS }));
        break;
      }
      case "tel": {
        const parsed = cardPhoneSchema.safeParse({ number: value.replace(/^tel:/i, ""), label: labelOf(params) });
        if (!parsed.success) throw new VcardEntryError(lineOf(i), vcardSaid("badPhone", { value: clip(value, 80) }));
        if (phones.length < MAX_CARD_PHONES) phones.push(parsed.data);
        break;
      }
      case "photo": {
        const read = readPhoto(prop);
        if ("key" in read) warnings.push(read);
        else photo ||= read;
        break;
      }
    }
  });
  const name = clip(fn || n || org || emails[0]?.address || "", 200);
  if (!name && emails.length === 0 && phones.length === 0) throw new VcardEntryError(entry.line, vcardSaid("empty"));
  return { kind, uid, fields: { name, organization: clip(org, 200), notes: notes.join("\n").slice(0, 10_000), emails, phones }, photo, members, warnings };
}

/** The name an entry shows in a problem report, found even when the entry cannot be read. */
export function entryName(entry: VcardEntry): string | undefined {
  const fn = entry.lines.find((l) => /^(?:[\w-]+\.)?FN[;:]/i.test(l.text));
  return fn ? clip(fn.text.slice(fn.text.indexOf(":") + 1).replace(/\\([,;\\])/g, "$1"), 80) : undefined;
}
