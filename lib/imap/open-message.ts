import type { ImapFlow, MailboxObject, MessageStructureObject } from "imapflow";
import { PosternError } from "@/lib/http/errors";
import { DOWNLOAD_CHUNK_BYTES, MAX_PARSE_BYTES } from "@/lib/limits";
import { parseMessage } from "@/lib/mime/parse-message";
import type { ParsedMessage } from "@/lib/mime/types";
import { decodedSize, fetchDisplaySource, WHOLE_MESSAGE_BYTES, type SkippedPart } from "./fetch-display-source";
import { poolKey, type ImapIdentity } from "./session-pool";
import { getWarmMessages, WARM_MAX_BYTES, type WarmKey } from "./warm-messages";
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
  /** The whole message as fetched, when it was fetched whole (small mail): the spam panel reads
   * it instead of fetching it again. */
  source?: Buffer;
  /** The folder's UIDVALIDITY when it was opened (a read-ahead of its neighbour is keyed by it). */
  uidValidity: string;
  /** This open stored \\Seen: the message was unread until now (the folder's count drops by one). */
  markedSeen: boolean;
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

const gone = () => new PosternError("NOT_FOUND", "This message no longer exists. It may have been moved or deleted.");

/** Reads and parses what showing the message needs. Every fetch is a PEEK: nothing here sets \Seen. */
async function readForDisplay(
  client: ImapFlow,
  uid: number,
  meta: { size: number; structure: MessageStructureObject | undefined },
): Promise<{ fetchedBytes: number; message: ParsedMessage | null; source?: Buffer }> {
  const partial = await fetchDisplaySource(client, uid, meta);
  if (partial && partial.source.length <= MAX_PARSE_BYTES) {
    return { fetchedBytes: partial.fetchedBytes, message: withServerSizes(await parseMessage(partial.source), partial.skipped) };
  }
  if (!partial && meta.size <= WHOLE_MESSAGE_BYTES) {
    // one FETCH of the whole message: small mail is parsed from memory anyway
    const whole = await client.fetchOne(String(uid), { uid: true, source: true }, { uid: true });
    if (!whole || !whole.source) throw gone();
    return { fetchedBytes: whole.source.length, message: await parseMessage(whole.source), source: whole.source };
  }
  if (!partial && meta.size <= MAX_PARSE_BYTES) {
    const download = await client.download(String(uid), undefined, { uid: true, chunkSize: DOWNLOAD_CHUNK_BYTES });
    if (!download?.content) throw new PosternError("NOT_FOUND", "This message no longer exists.");
    return { fetchedBytes: meta.size, message: await parseMessage(download.content) };
  }
  return { fetchedBytes: 0, message: null };
}

const warmKey = (id: ImapIdentity, folder: string, mailbox: MailboxObject, uid: number): WarmKey => ({
  session: poolKey(id),
  folder,
  uidValidity: mailbox.uidValidity,
  uid,
});

/**
 * Opens one message: large multipart mail is fetched part by part, leaving big attachments on
 * the server until asked for; smaller mail is streamed whole. Parses it and marks it read, as
 * opening a letter does. A message read ahead (warmMessage) costs only the FETCH of its flags.
 * @throws PosternError NOT_FOUND | IMAP_UNAVAILABLE
 */
export async function openMessage(
  id: ImapIdentity,
  opts: { folder: string; uid: number; markSeen?: boolean },
): Promise<OpenedMessage> {
  return withMailbox(id, opts.folder, async ({ client, mailbox }) => {
    const uid = String(opts.uid);
    const warm = getWarmMessages().take(warmKey(id, opts.folder, mailbox, opts.uid));
    // flags are always read now (another client may have changed them); bytes only when not warm
    const meta = await client.fetchOne(uid, warm ? { uid: true, flags: true } : { uid: true, flags: true, size: true, bodyStructure: true }, { uid: true });
    if (!meta) throw gone();
    const size = warm?.size ?? meta.size ?? 0;
    const { fetchedBytes, message, source } = warm ?? (await readForDisplay(client, opts.uid, { size, structure: meta.bodyStructure }));
    const markedSeen = opts.markSeen !== false && !meta.flags?.has("\\Seen");
    if (markedSeen) await client.messageFlagsAdd(uid, ["\\Seen"], { uid: true });
    return { folder: opts.folder, uid: opts.uid, size, flagged: meta.flags?.has("\\Flagged") ?? false, fetchedBytes, message, source, uidValidity: String(mailbox.uidValidity), markedSeen };
  });
}

/**
 * Reads a message ahead and keeps it parsed (warm-messages.ts), so that opening it next is quick.
 * Never marks it read: the fetches are PEEKs and no flag is stored. Messages over WARM_MAX_BYTES
 * are not read ahead (a large download nobody may ask for). Returns whether it is warm now.
 * @throws PosternError NOT_FOUND | IMAP_UNAVAILABLE
 */
export async function warmMessage(id: ImapIdentity, opts: { folder: string; uid: number; uidValidity?: string }): Promise<boolean> {
  // already warm: not even the folder's NOOP (a reader going back and forth reads ahead once)
  if (opts.uidValidity && getWarmMessages().has({ session: poolKey(id), folder: opts.folder, uidValidity: opts.uidValidity, uid: opts.uid })) return true;
  return withMailbox(id, opts.folder, async ({ client, mailbox }) => {
    const key = warmKey(id, opts.folder, mailbox, opts.uid);
    const cache = getWarmMessages();
    if (cache.has(key)) return true;
    const meta = await client.fetchOne(String(opts.uid), { uid: true, size: true, bodyStructure: true }, { uid: true });
    if (!meta) throw gone();
    const size = meta.size ?? 0;
    if (size > WARM_MAX_BYTES) return false;
    const read = await readForDisplay(client, opts.uid, { size, structure: meta.bodyStructure });
    if (!read.message) return false;
    cache.put(key, { size, fetchedBytes: read.fetchedBytes, message: read.message, source: read.source });
    return true;
  });
}
