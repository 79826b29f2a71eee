import type { Readable } from "node:stream";
import { PosternError } from "@/lib/http/errors";
import { DOWNLOAD_CHUNK_BYTES } from "@/lib/limits";
import { isConnectionError } from "./classify-error";
import type { ImapIdentity } from "./session-pool";
import { withConnection } from "./with-mailbox";

export type PartDownload = { stream: Readable; contentType: string; filename: string | null };

/**
 * Streams one body part (or, without `part`, the whole raw message) straight from IMAP, decoded
 * from its transfer encoding, never buffered whole. The folder stays locked until the stream ends
 * or is destroyed, since the connection cannot switch folders mid-FETCH.
 * @throws PosternError NOT_FOUND | IMAP_UNAVAILABLE
 */
export async function downloadPart(
  id: ImapIdentity,
  opts: { folder: string; uid: number; part?: string },
): Promise<PartDownload> {
  return withConnection(id, async (client) => {
    const lock = await client.getMailboxLock(opts.folder).catch((e: unknown) => {
      if (!client.usable) throw e;
      throw new PosternError("NOT_FOUND", `The folder "${opts.folder}" does not exist.`, { cause: e });
    });
    let released = false;
    const release = () => {
      if (!released) lock.release();
      released = true;
    };
    try {
      // binary: the server removes the transfer encoding (RFC 3516), cheaper than base64 in Node;
      // decodeText false: a text attachment downloads byte for byte as it was sent.
      const fetchPart = (binary: boolean) =>
        client.download(String(opts.uid), opts.part, { uid: true, binary, decodeText: false, chunkSize: DOWNLOAD_CHUNK_BYTES });
      // Dovecot refuses BINARY for a part whose base64 is damaged ("NO [PARSE]"); the plain
      // BODY.PEEK fetch still gets whatever can be decoded, so the user gets the file anyway.
      const found = await fetchPart(true).catch((e: unknown) => {
        if (!client.usable || isConnectionError(e)) throw e;
        return fetchPart(false);
      });
      if (!found?.content) throw new PosternError("NOT_FOUND", "This attachment no longer exists.");
      found.content.once("end", release).once("close", release).once("error", release);
      return {
        stream: found.content,
        contentType: found.meta?.contentType ?? "application/octet-stream",
        filename: found.meta?.filename ?? null,
      };
    } catch (e) {
      release();
      throw e;
    }
  });
}
