import type { FetchMessageObject, MessageAddressObject, MessageStructureObject } from "imapflow";
import type { Address } from "@/lib/mime/types";
import { isoDate } from "@/lib/mime/read-date";
import { hasAttachments } from "./body-structure";

// The fields of a list row, read from what the server said about a message. Any sender on the
// internet chooses these bytes, and one row that throws takes the whole page down (a `Date:
// Whenever` once made INBOX answer 500), so every reader here returns a fallback, never throws.

/** The replacement character: imapflow decodes raw 8-bit ENVELOPE strings as UTF-8, and legacy
 * 8-bit text comes out with these in it (the bytes are then re-read: lib/imap/redecode-rows.ts). */
export const UNDECODED = "\uFFFD";

/** Dovecot's stand-ins in ENVELOPE for a mailbox or domain the header lacks (`Whomever <>`). */
const MISSING = /^MISSING_MAILBOX@|@MISSING_DOMAIN$|^@|@$/;

export function readAddress(a: MessageAddressObject | undefined | null): Address | null {
  if (!a || typeof a !== "object") return null;
  const name = typeof a.name === "string" ? a.name : "";
  const given = typeof a.address === "string" ? a.address : "";
  const address = MISSING.test(given) ? "" : given;
  return name || address ? { name, address } : null;
}

export function readAddresses(list: unknown): Address[] {
  if (!Array.isArray(list)) return [];
  const out: Address[] = [];
  for (const a of list) {
    const read = readAddress(a as MessageAddressObject);
    if (read) out.push(read);
  }
  return out;
}

/** The Date header when it is a date, else the arrival time, else null ("unknown"). */
export function readRowDate(m: Pick<FetchMessageObject, "envelope" | "internalDate">): string | null {
  return isoDate(m.envelope?.date) ?? isoDate(m.internalDate);
}

export function readSize(size: unknown): number {
  return typeof size === "number" && Number.isSafeInteger(size) && size >= 0 ? size : 0;
}

/** hasAttachments for any shape the parser produced; an odd structure counts as "no". */
export function readHasAttachments(structure: MessageStructureObject | undefined): boolean {
  try {
    return hasAttachments(structure);
  } catch {
    return false;
  }
}

export function readSubject(subject: unknown): string {
  return typeof subject === "string" ? subject : "";
}
