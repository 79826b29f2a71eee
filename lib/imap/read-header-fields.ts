import type { ImapFlow } from "imapflow";

/** Every unfolded header field of a header block, in order, repeats kept (Received, ...).
 * Names keep their case; values are not decoded. */
export function splitHeaderBlock(block: string): { name: string; value: string }[] {
  const fields: { name: string; value: string }[] = [];
  for (const field of block.replace(/\r?\n(?=[ \t])/g, "").split(/\r?\n/)) {
    const colon = field.indexOf(":");
    if (colon <= 0) continue;
    fields.push({ name: field.slice(0, colon).trim(), value: field.slice(colon + 1).trim() });
  }
  return fields;
}

/** Unfolded header fields of a header block, by lower-case name; a repeated field keeps the
 * first value (what mail readers show). Values are not decoded. */
export function parseHeaderFields(block: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const { name, value } of splitHeaderBlock(block)) fields[name.toLowerCase()] ??= value;
  return fields;
}

/**
 * Some header fields of one message in the selected folder, fetched with BODY.PEEK[HEADER.FIELDS]
 * (no \Seen, a few hundred bytes): what the parsed view leaves out, such as References and Bcc.
 * Returns null when the message is gone.
 */
export async function readHeaderFields(client: ImapFlow, uid: number, names: string[]): Promise<Record<string, string> | null> {
  const msg = await client.fetchOne(String(uid), { uid: true, headers: names }, { uid: true });
  if (!msg) return null;
  return parseHeaderFields(msg.headers?.toString("utf8") ?? "");
}
