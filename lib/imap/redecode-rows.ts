import type { ImapFlow } from "imapflow";
import addressparser from "nodemailer/lib/addressparser";
import type { Address } from "@/lib/mime/types";
import { decodeWords } from "@/lib/threads/decode-words";
import { parseHeaderBlock } from "@/lib/threads/read-thread-headers";
import { UNDECODED } from "./summary-fields";

/** The row fields that come from headers a sender may write in raw 8-bit bytes. */
export type DecodableRow = { uid: number; subject: string; from: Address | null; to: Address[] };

type ParsedAddress = { name?: string; address?: string; group?: ParsedAddress[] };

function undecoded(row: DecodableRow): boolean {
  return row.subject.includes(UNDECODED) || Boolean(row.from?.name.includes(UNDECODED)) || row.to.some((a) => a.name.includes(UNDECODED));
}

function readAddressField(value: string | undefined): Address[] {
  if (!value) return [];
  const flat = (addressparser(value) as ParsedAddress[]).flatMap((a) => (a.group ? a.group : [a]));
  return flat.map((a) => ({ name: decodeWords(a.name ?? ""), address: a.address ?? "" })).filter((a) => a.name || a.address);
}

/**
 * Re-reads Subject, From and To of rows whose ENVELOPE strings came out with U+FFFD: imapflow
 * decodes raw 8-bit header bytes as UTF-8, so "Fr\xf6sche" (latin-1) showed as "Fr�sche" in the
 * list while the reader, which guesses the charset from the bytes, showed "Frösche". The raw
 * header bytes are fetched for those rows only (rare, and the rows are cached after), and decoded
 * the reader's way. A row whose bytes cannot be fetched keeps what the envelope said.
 */
export async function redecodeRows(client: ImapFlow, rows: DecodableRow[]): Promise<void> {
  const broken = new Map(rows.filter(undecoded).map((r) => [r.uid, r]));
  if (broken.size === 0) return;
  try {
    const uids = [...broken.keys()].join(",");
    for await (const m of client.fetch(uids, { uid: true, headers: ["subject", "from", "to"] }, { uid: true })) {
      const row = broken.get(m.uid);
      if (!row || !m.headers) continue;
      const fields = parseHeaderBlock(m.headers);
      if (row.subject.includes(UNDECODED) && fields.has("subject")) row.subject = decodeWords(fields.get("subject")!);
      const from = readAddressField(fields.get("from"))[0];
      if (from && row.from?.name.includes(UNDECODED)) row.from = from;
      const to = readAddressField(fields.get("to"));
      if (to.length && row.to.some((a) => a.name.includes(UNDECODED))) row.to = to;
    }
  } catch {
    // The envelope's reading is still a readable row; a failed re-read must not fail the page.
  }
}
