import type { ImapFlow } from "imapflow";
import { PosternError } from "@/lib/http/errors";
import type { ImapIdentity } from "@/lib/imap/session-pool";
import { withConnection } from "@/lib/imap/with-mailbox";

/** The header that names where a collected message came from, so that a run interrupted between
 * APPEND and recording it finds the message in the folder instead of storing it twice. The ";"
 * ends the value: IMAP SEARCH HEADER matches substrings, and one UIDL may begin another. */
export const COLLECTED_HEADER = "X-Postern-Pop3-Uidl";
export const collectedTag = (accountId: string, uidl: string) => `${accountId}/${uidl};`;

/** The message with the collected header in front (RFC 5322 allows header fields in any order). */
export function tagMessage(raw: Buffer, tag: string): Buffer {
  return Buffer.concat([Buffer.from(`${COLLECTED_HEADER}: ${tag}\r\n`, "latin1"), raw]);
}

async function findCollected(client: ImapFlow, folder: string, tag: string): Promise<number | null> {
  const wasSelected = client.mailbox !== false && client.mailbox?.path === folder;
  const lock = await client.getMailboxLock(folder);
  try {
    // the pooled connection may have had the folder selected since before the interrupted run's
    // APPEND: without a NOOP the server may search a view that does not hold it yet
    if (wasSelected) await client.noop();
    const found = await client.search({ header: { [COLLECTED_HEADER.toLowerCase()]: tag } }, { uid: true });
    return found && found.length ? Math.max(...found) : null;
  } finally {
    lock.release();
  }
}

/**
 * APPENDs a collected message to `folder` unless it is there already, and returns its UID (null
 * when the server does not say: no UIDPLUS). It looks first when `lookFirst` (an earlier run was
 * interrupted) and on the retry after a dropped IMAP connection (the first APPEND may have landed).
 * @throws PosternError NOT_FOUND (no such folder) | IMAP_UNAVAILABLE
 */
export async function storeCollected(id: ImapIdentity, opts: { folder: string; raw: Buffer; tag: string; lookFirst: boolean }): Promise<number | null> {
  let attempt = 0;
  return withConnection(id, async (client) => {
    attempt++;
    if (opts.lookFirst || attempt > 1) {
      const there = await findCollected(client, opts.folder, opts.tag);
      if (there) return there;
    }
    const res = await client.append(opts.folder, opts.raw, []);
    if (!res) throw new PosternError("NOT_FOUND", `The collected message could not be stored in "${opts.folder}". Does the folder exist?`);
    return res.uid ?? null;
  });
}
