import type { ImapFlow, MessageStructureObject } from "imapflow";

/** Parts larger than this that are not needed to show a message stay on the server until the
 * user downloads them: opening a mail with a 20 MB attachment must not move 20 MB. */
export const SKIP_PART_BYTES = 256 * 1024;

/** Messages up to this size are fetched whole: one round trip, and skipping parts saves little. */
export const WHOLE_MESSAGE_BYTES = 1024 * 1024;

/** Attached messages are shown inline (their text is needed) unless larger than this. */
const MAX_NESTED_MESSAGE_BYTES = 8 * 1024 * 1024;

/** A part whose content was not fetched: its size as the server reports it. */
export type SkippedPart = { encodedSize: number; encoding: string };

export type DisplaySource = { source: Buffer; skipped: Map<string, SkippedPart>; fetchedBytes: number };

function isMultipart(node: MessageStructureObject): boolean {
  return (node.type ?? "").toLowerCase().startsWith("multipart/") && !!node.childNodes?.length;
}

/** Whether showing the message needs this leaf's bytes (text, nested mail, TNEF, small parts). */
function needsContent(node: MessageStructureObject): boolean {
  const type = (node.type ?? "").toLowerCase();
  const size = node.size ?? 0;
  if (type.startsWith("text/")) return true;
  if (type === "message/rfc822" || type === "message/global") return size <= MAX_NESTED_MESSAGE_BYTES;
  return size <= SKIP_PART_BYTES;
}

function leaves(node: MessageStructureObject, out: MessageStructureObject[] = []): MessageStructureObject[] {
  if (isMultipart(node)) for (const c of node.childNodes ?? []) leaves(c, out);
  else out.push(node);
  return out;
}

function mimeHeaderSections(node: MessageStructureObject, out: string[] = []): string[] {
  if (node.part) out.push(`${node.part}.MIME`);
  if (isMultipart(node)) for (const c of node.childNodes ?? []) mimeHeaderSections(c, out);
  return out;
}

/** Rebuilds the message with the same MIME tree (so IMAP part numbers still match) from the
 * sections fetched; skipped leaves keep their headers and get an empty body. */
function assemble(node: MessageStructureObject, header: Buffer, parts: Map<string, Buffer>): Buffer[] {
  if (!isMultipart(node)) return [header, parts.get(node.part ?? "") ?? Buffer.alloc(0)];
  const boundary = node.parameters?.boundary ?? "";
  const out: Buffer[] = [header];
  for (const child of node.childNodes ?? []) {
    out.push(Buffer.from(`--${boundary}\r\n`));
    out.push(...assemble(child, parts.get(`${child.part}.mime`) ?? Buffer.from("\r\n"), parts));
    out.push(Buffer.from("\r\n"));
  }
  out.push(Buffer.from(`--${boundary}--\r\n`));
  return out;
}

/**
 * The bytes needed to show a large multipart message: its headers, every part's MIME headers,
 * and the contents of the parts the view needs, in one FETCH. Returns null when fetching the
 * whole message is the better deal (small, or not multipart).
 */
export async function fetchDisplaySource(
  client: ImapFlow,
  uid: number,
  opts: { size: number; structure: MessageStructureObject | undefined },
): Promise<DisplaySource | null> {
  const root = opts.structure;
  if (!root || opts.size <= WHOLE_MESSAGE_BYTES || !isMultipart(root) || !root.parameters?.boundary) return null;
  const wanted = leaves(root).filter(needsContent);
  const skipped = new Map<string, SkippedPart>();
  for (const leaf of leaves(root)) {
    if (!wanted.includes(leaf) && leaf.part) skipped.set(leaf.part, { encodedSize: leaf.size ?? 0, encoding: leaf.encoding ?? "" });
  }
  const sections = [...mimeHeaderSections(root), ...wanted.map((l) => l.part).filter((p): p is string => !!p)];
  const res = await client.fetchOne(String(uid), { uid: true, headers: true, bodyParts: sections }, { uid: true });
  if (!res || !res.headers) return null;
  const parts = res.bodyParts ?? new Map<string, Buffer>();
  const source = Buffer.concat(assemble(root, res.headers, parts));
  const fetchedBytes = res.headers.length + [...parts.values()].reduce((n, b) => n + b.length, 0);
  return { source, skipped, fetchedBytes };
}

/** The decoded size of a part from its encoded size, for base64 in the usual 76-character lines
 * with CRLF: exact up to the 0-2 bytes of padding, which only the last line would tell. */
export function decodedSize(p: SkippedPart): number {
  if (p.encoding.toLowerCase() !== "base64") return p.encodedSize;
  const chars = p.encodedSize - 2 * Math.ceil(p.encodedSize / 78);
  return Math.max(0, Math.floor((chars * 3) / 4));
}
