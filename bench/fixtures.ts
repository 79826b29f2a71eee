import type { ImapFlow } from "imapflow";
import { ATTACHMENT_BYTES, BIG_FOLDER, LARGE_MESSAGE_FOLDER, LOAD_USER, MEDIUM_FOLDER, SMALL_FOLDER } from "./config";
import { folderMessages, seedBig } from "./lab";
import { buildLargeMessage, LARGE_MESSAGE_ID } from "./large-message";

async function messageCount(client: ImapFlow, path: string): Promise<number | null> {
  try {
    const status = await client.status(path, { messages: true });
    return status ? (status.messages ?? 0) : null;
  } catch {
    return null; // no such folder
  }
}

/**
 * Makes sure LOAD_USER holds the bench's data, loading only what is missing: 100k messages in
 * INBOX (reloading it wipes the account, so it goes first), 1k in Bench1k, 10k in Bench10k, and the 20 MB message
 * alone in Bench20MB. `lab seed-big` kicks the user's IMAP sessions, so the IMAP connection for
 * the APPEND is only opened afterwards. Returns what had to be (re)loaded.
 */
export async function ensureBenchData(connect: () => Promise<ImapFlow>): Promise<string[]> {
  const done: string[] = [];
  for (const folder of [BIG_FOLDER, SMALL_FOLDER, MEDIUM_FOLDER]) {
    if (folderMessages(LOAD_USER.email, folder.path) !== folder.messages) {
      seedBig(LOAD_USER.email, folder.messages, folder.path);
      done.push(`${folder.path}: ${folder.messages} messages (lab seed-big)`);
    }
  }
  const client = await connect();
  try {
    await ensureLargeMessage(client, done);
  } finally {
    await client.logout().catch(() => client.close());
  }
  return done;
}

async function ensureLargeMessage(client: ImapFlow, done: string[]): Promise<void> {
  if (!(await holdsOnlyLargeMessage(client))) {
    await client.mailboxDelete(LARGE_MESSAGE_FOLDER).catch(() => undefined);
    await client.mailboxCreate(LARGE_MESSAGE_FOLDER);
    await client.append(LARGE_MESSAGE_FOLDER, buildLargeMessage(ATTACHMENT_BYTES), ["\\Seen"]);
    done.push(`${LARGE_MESSAGE_FOLDER}: APPEND of the 20 MB message`);
  }
}

async function holdsOnlyLargeMessage(client: ImapFlow): Promise<boolean> {
  if ((await messageCount(client, LARGE_MESSAGE_FOLDER)) !== 1) return false;
  const lock = await client.getMailboxLock(LARGE_MESSAGE_FOLDER, { readOnly: true });
  try {
    const m = await client.fetchOne("1", { envelope: true, size: true });
    return Boolean(m && m.envelope?.messageId === LARGE_MESSAGE_ID && (m.size ?? 0) > ATTACHMENT_BYTES);
  } finally {
    lock.release();
  }
}

/** UID of the 20 MB message. */
export async function largeMessageUid(client: ImapFlow): Promise<number> {
  const lock = await client.getMailboxLock(LARGE_MESSAGE_FOLDER, { readOnly: true });
  try {
    const m = await client.fetchOne("1", { uid: true });
    if (!m) throw new Error(`${LARGE_MESSAGE_FOLDER} is empty`);
    return m.uid;
  } finally {
    lock.release();
  }
}
