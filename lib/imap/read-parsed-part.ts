import { Readable } from "node:stream";
import type { ImapFlow } from "imapflow";
import { PosternError } from "@/lib/http/errors";
import { MAX_PARSE_BYTES } from "@/lib/limits";
import { parseMessage } from "@/lib/mime/parse-message";

export type ParsedPart = { stream: Readable; contentType: string; filename: string | null };

/**
 * A file as Postern's own reading of the message numbers it, taken from the whole message: for
 * a structure Postern repaired (a boundary it had to guess), whose part numbers the server does
 * not share, so BODY[n] there is some other part (a multipart's raw body, or nothing). The
 * message is held in memory while read, so this is refused past MAX_PARSE_BYTES, as parsing is.
 * @throws PosternError NOT_FOUND
 */
export async function readParsedPart(client: ImapFlow, opts: { uid: number; part: string; size: number }): Promise<ParsedPart> {
  const missing = () => new PosternError("NOT_FOUND", "This attachment is not in the message.");
  if (opts.size > MAX_PARSE_BYTES) throw missing();
  const whole = await client.fetchOne(String(opts.uid), { uid: true, source: true }, { uid: true });
  if (!whole || !whole.source) throw missing();
  let content: Buffer | undefined;
  const parsed = await parseMessage(whole.source, { onPartContent: (id, bytes) => (id === opts.part ? (content = bytes) : undefined) });
  const info = parsed.attachments.find((a) => a.partId === opts.part && !a.member);
  if (!content || !info) throw missing();
  return { stream: Readable.from([content]), contentType: info.contentType, filename: info.filename };
}
