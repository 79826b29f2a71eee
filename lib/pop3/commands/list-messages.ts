import { POP3_MAX_LISTING_BYTES } from "@/lib/limits";
import type { Pop3Connection } from "../connection";

/** A message in the maildrop: its number in this session, its unique id, its size in octets. */
export type Pop3Listing = { number: number; uidl: string; size: number };

// RFC 1939 7: "unique-id" is 1 to 70 characters in 0x21..0x7E.
const UIDL_LINE = /^([1-9][0-9]{0,9}) ([\x21-\x7e]{1,70})$/;
const LIST_LINE = /^([1-9][0-9]{0,9}) ([0-9]{1,15})(?: .*)?$/;

/**
 * The maildrop's messages with unique ids (UIDL) and sizes (LIST). Malformed lines and a repeated
 * id are skipped (a message Postern cannot tell apart is never collected, rather than collected
 * twice or confused with another).
 * @throws Pop3ResponseError when the server has no UIDL (Postern needs it to fetch nothing twice)
 */
export async function listMessages(connection: Pop3Connection): Promise<Pop3Listing[]> {
  const { lines: uidlLines } = await connection.commandWithBlock("UIDL", POP3_MAX_LISTING_BYTES);
  const { lines: listLines } = await connection.commandWithBlock("LIST", POP3_MAX_LISTING_BYTES);
  const sizes = new Map<number, number>();
  for (const line of listLines) {
    const m = LIST_LINE.exec(line.toString("latin1").trim());
    if (m) sizes.set(Number(m[1]), Number(m[2]));
  }
  const seen = new Map<string, number>();
  const out: Pop3Listing[] = [];
  for (const line of uidlLines) {
    const m = UIDL_LINE.exec(line.toString("latin1").trim());
    if (!m) continue;
    const number = Number(m[1]);
    const size = sizes.get(number);
    if (size === undefined) continue;
    seen.set(m[2], (seen.get(m[2]) ?? 0) + 1);
    out.push({ number, uidl: m[2], size });
  }
  return out.filter((m) => seen.get(m.uidl) === 1);
}
