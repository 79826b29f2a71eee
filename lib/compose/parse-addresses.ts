import { domainToASCII } from "node:url";
import addressparser from "nodemailer/lib/addressparser";
import type { Address } from "@/lib/mime/types";

// Address fields are parsed with nodemailer's addressparser: it already is a dependency, it is
// the parser nodemailer itself uses to build the SMTP envelope from the headers (so what is
// validated here is exactly what is sent), and it is lenient the way typed input needs (quoted
// names with commas, groups, ";" as separator, missing angle brackets). It does not validate,
// so every address is checked here; `email-addresses` would validate but rejects much of what
// people type ("a@x.org; b@y.org"), and the error it gives does not say which entry is wrong.

/** A group ("Team: a@x.org, b@x.org;") keeps its name in the header; its members get the mail. */
export type AddressEntry = Address | { group: string; members: Address[] };

export type ParsedAddressField = { entries: AddressEntry[]; invalid: string[] };

const LOCAL_ATOM = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~\u0080-\uFFFF-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~\u0080-\uFFFF-]+)*$/;
const QUOTED_LOCAL = /^"(?:[^"\\\r\n]|\\.)*"$/;
const LOOKS_LIKE_ADDRESS = /^[^\s@<>",;]+@[^\s@<>",;]+$/;

/** True for `local@domain` with a valid local part and a real domain name (IDN allowed). */
export function isValidAddress(address: string): boolean {
  const at = address.lastIndexOf("@");
  if (at <= 0 || at === address.length - 1 || address.length > 320) return false;
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  if (local.length > 64 || !(LOCAL_ATOM.test(local) || QUOTED_LOCAL.test(local))) return false;
  if (/^\[(?:\d{1,3}\.){3}\d{1,3}\]$/.test(domain)) return true;
  const ascii = domainToASCII(domain);
  if (!ascii || ascii.length > 253 || !ascii.includes(".")) return false;
  return ascii.split(".").every((label) => /^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$/.test(label));
}

type ParserEntry = { name: string; address?: string; group?: ParserEntry[] };

/** One parsed mailbox, or why it is not one. "a@x.org b@y.org" (a forgotten comma) reads as an
 * address whose display name is made of addresses: all of them are meant as recipients. */
function toMailboxes(entry: ParserEntry, invalid: string[]): Address[] {
  const name = entry.name.trim();
  const address = (entry.address ?? "").trim();
  if (!address) {
    if (name) invalid.push(name);
    return [];
  }
  if (!isValidAddress(address)) {
    invalid.push(name ? `${name} <${address}>` : address);
    return [];
  }
  const words = name.split(/\s+/);
  if (name && words.every((w) => LOOKS_LIKE_ADDRESS.test(w))) {
    const extra = words.filter((w) => isValidAddress(w) || (invalid.push(w), false));
    return [{ name: "", address }, ...extra.map((w) => ({ name: "", address: w }))];
  }
  return [{ name, address }];
}

/** Parses what the user typed in To, Cc or Bcc. Entries that are not addresses are listed in
 * `invalid` (as typed, to show back) instead of being dropped silently. */
export function parseAddressField(text: string): ParsedAddressField {
  const entries: AddressEntry[] = [];
  const invalid: string[] = [];
  for (const entry of addressparser(text.replace(/\r?\n/g, ", ")) as ParserEntry[]) {
    if (entry.group) {
      const members = entry.group.flatMap((m) => toMailboxes(m, invalid));
      entries.push({ group: entry.name.trim(), members });
    } else {
      entries.push(...toMailboxes(entry, invalid));
    }
  }
  return { entries, invalid };
}

/** Every mailbox of a field, group members included: who gets the message. */
export function mailboxesOf(entries: AddressEntry[]): Address[] {
  return entries.flatMap((e) => ("group" in e ? e.members : [e]));
}

/** A display name needs quotes when it holds characters that mean something in an address list. */
function quoteName(name: string): string {
  return /[",;:<>@()[\]\\.]/.test(name) ? `"${name.replace(/(["\\])/g, "\\$1")}"` : name;
}

/** One mailbox as the user would type it: `Name <a@x.org>` or `a@x.org`. */
export function formatMailbox(a: Address): string {
  return a.name ? `${quoteName(a.name)} <${a.address}>` : a.address;
}

/** A list of mailboxes back to the text of an address field (for reply, forward, drafts). */
export function formatAddressList(list: Address[]): string {
  return list.filter((a) => a.address).map(formatMailbox).join(", ");
}

/** One entry as address-list text; a group as `Name: a@x.org, b@x.org;`. */
export function formatEntry(e: AddressEntry): string {
  return "group" in e ? `${quoteName(e.group)}: ${formatAddressList(e.members)};` : formatMailbox(e);
}
