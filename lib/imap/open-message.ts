import { PosternError } from "@/lib/http/errors";
import { DOWNLOAD_CHUNK_BYTES, MAX_PARSE_BYTES } from "@/lib/limits";
import { parseMessage } from "@/lib/mime/parse-message";
import type { ParsedMessage } from "@/lib/mime/types";
import type { ImapIdentity } from "./session-pool";
import { withMailbox } from "./with-mailbox";

export type OpenedMessage = {
  folder: string;
  uid: number;
  size: number;
  flagged: boolean;
  /** null when the message is too large to parse for display (it can still be downloaded). */
  message: ParsedMessage | null;
};

/**
 * Downloads one message as a stream, parses it (attachments are counted, not kept) and marks it
 * read, as opening a letter does.
 * @throws PosternError NOT_FOUND | IMAP_UNAVAILABLE
 */
export async function openMessage(
  id: ImapIdentity,
  opts: { folder: string; uid: number; markSeen?: boolean },
): Promise<OpenedMessage> {
  return withMailbox(id, opts.folder, async ({ client }) => {
    const meta = await client.fetchOne(String(opts.uid), { uid: true, flags: true, size: true }, { uid: true });
    if (!meta) throw new PosternError("NOT_FOUND", "This message no longer exists. It may have been moved or deleted.");
    const size = meta.size ?? 0;
    let message: ParsedMessage | null = null;
    if (size <= MAX_PARSE_BYTES) {
      const download = await client.download(String(opts.uid), undefined, { uid: true, chunkSize: DOWNLOAD_CHUNK_BYTES });
      if (!download?.content) throw new PosternError("NOT_FOUND", "This message no longer exists.");
      message = await parseMessage(download.content);
    }
    if (opts.markSeen !== false && !meta.flags?.has("\\Seen")) {
      await client.messageFlagsAdd(String(opts.uid), ["\\Seen"], { uid: true });
    }
    return { folder: opts.folder, uid: opts.uid, size, flagged: meta.flags?.has("\\Flagged") ?? false, message };
  });
}
