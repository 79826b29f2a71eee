import { PosternError } from "@/lib/http/errors";
import { DOWNLOAD_CHUNK_BYTES, MAX_PARSE_BYTES } from "@/lib/limits";
import { parseMessage } from "@/lib/mime/parse-message";
import type { ParsedMessage } from "@/lib/mime/types";
import { decodedSize, fetchDisplaySource, type SkippedPart } from "./fetch-display-source";
import type { ImapIdentity } from "./session-pool";
import { withMailbox } from "./with-mailbox";

export type OpenedMessage = {
  folder: string;
  uid: number;
  size: number;
  flagged: boolean;
  /** Bytes read from IMAP to show it (the benchmark compares this with the size). */
  fetchedBytes: number;
  /** null when the message is too large to parse for display (it can still be downloaded). */
  message: ParsedMessage | null;
};

/** Attachments whose content was left on the server get their size from BODYSTRUCTURE. */
function withServerSizes(message: ParsedMessage, skipped: Map<string, SkippedPart>): ParsedMessage {
  if (!skipped.size) return message;
  const attachments = message.attachments.map((a) => {
    const s = skipped.get(a.partId);
    return s ? { ...a, size: decodedSize(s) } : a;
  });
  return { ...message, attachments };
}

/**
 * Opens one message: large multipart mail is fetched part by part, leaving big attachments on
 * the server until asked for; smaller mail is streamed whole. Parses it and marks it read, as
 * opening a letter does.
 * @throws PosternError NOT_FOUND | IMAP_UNAVAILABLE
 */
export async function openMessage(
  id: ImapIdentity,
  opts: { folder: string; uid: number; markSeen?: boolean },
): Promise<OpenedMessage> {
  return withMailbox(id, opts.folder, async ({ client }) => {
    const uid = String(opts.uid);
    const meta = await client.fetchOne(uid, { uid: true, flags: true, size: true, bodyStructure: true }, { uid: true });
    if (!meta) throw new PosternError("NOT_FOUND", "This message no longer exists. It may have been moved or deleted.");
    const size = meta.size ?? 0;
    let message: ParsedMessage | null = null;
    let fetchedBytes = 0;
    const partial = await fetchDisplaySource(client, opts.uid, { size, structure: meta.bodyStructure });
    if (partial && partial.source.length <= MAX_PARSE_BYTES) {
      fetchedBytes = partial.fetchedBytes;
      message = withServerSizes(await parseMessage(partial.source), partial.skipped);
    } else if (!partial && size <= MAX_PARSE_BYTES) {
      const download = await client.download(uid, undefined, { uid: true, chunkSize: DOWNLOAD_CHUNK_BYTES });
      if (!download?.content) throw new PosternError("NOT_FOUND", "This message no longer exists.");
      fetchedBytes = size;
      message = await parseMessage(download.content);
    }
    if (opts.markSeen !== false && !meta.flags?.has("\\Seen")) {
      await client.messageFlagsAdd(uid, ["\\Seen"], { uid: true });
    }
    return { folder: opts.folder, uid: opts.uid, size, flagged: meta.flags?.has("\\Flagged") ?? false, fetchedBytes, message };
  });
}
