import type { Readable } from "node:stream";
import type { ImapFlow } from "imapflow";
import { PosternError } from "@/lib/http/errors";
import { DOWNLOAD_CHUNK_BYTES } from "@/lib/limits";
import { isConnectionError } from "./classify-error";
import { binaryFetchable, findPart, isMultipartNode } from "./find-part";
import { readParsedPart } from "./read-parsed-part";
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
      throw PosternError.detailed("NOT_FOUND", "folderMissing", { folder: opts.folder }, { cause: e });
    });
    let released = false;
    const release = () => {
      if (!released) lock.release();
      released = true;
    };
    try {
      const way = opts.part ? await choosePartFetch(client, opts.uid, opts.part) : ({ kind: "plain" } as const);
      if (way.kind === "parsed") {
        const part = await readParsedPart(client, { uid: opts.uid, part: opts.part!, size: way.size });
        release();
        return part;
      }
      const binaryAllowed = way.kind === "binary";
      // binary: the server removes the transfer encoding (RFC 3516), cheaper than base64 in Node;
      // decodeText false: a text attachment downloads byte for byte as it was sent. Never for the
      // whole message or an attached one: BINARY decodes every part inside it, and the message
      // must come as it is stored.
      const fetchPart = (binary: boolean) =>
        client.download(String(opts.uid), opts.part, { uid: true, binary: binary && binaryAllowed, decodeText: false, chunkSize: DOWNLOAD_CHUNK_BYTES });
      // Dovecot refuses BINARY for a part whose base64 is damaged ("NO [PARSE]"); the plain
      // BODY.PEEK fetch still gets whatever can be decoded, so the user gets the file anyway.
      const found = await fetchPart(true).catch((e: unknown) => {
        if (!client.usable || isConnectionError(e)) throw e;
        return fetchPart(false);
      });
      if (!found?.content) throw new PosternError("NOT_FOUND", opts.part ? "This attachment no longer exists." : "This message no longer exists. It may have been moved or deleted.");
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

type PartFetch = { kind: "binary" | "plain" } | { kind: "parsed"; size: number };

/**
 * How to fetch the part, from the server's structure: BINARY for a file, a plain fetch for an
 * attached message, and through Postern's own reading where the server has no file under that
 * number (a structure Postern repaired numbers its parts differently). Asked first because a
 * server answers a part number it does not have with an empty body, an empty 200 download.
 * @throws PosternError NOT_FOUND (the message is gone)
 */
async function choosePartFetch(client: ImapFlow, uid: number, part: string): Promise<PartFetch> {
  const meta = await client.fetchOne(String(uid), { uid: true, size: true, bodyStructure: true }, { uid: true });
  if (!meta) throw new PosternError("NOT_FOUND", "This message no longer exists. It may have been moved or deleted.");
  const node = findPart(meta.bodyStructure, part);
  if (!node || isMultipartNode(node)) return { kind: "parsed", size: meta.size ?? 0 };
  return { kind: binaryFetchable(node) ? "binary" : "plain" };
}
