import type { ImapFlow, MailboxObject } from "imapflow";
import { PosternError } from "@/lib/http/errors";
import { isConnectionError, toPosternError } from "./classify-error";
import { getPool, poolKey, type ImapIdentity, type SessionPool } from "./session-pool";

export type MailboxContext = { client: ImapFlow; mailbox: MailboxObject };

/**
 * Runs `fn` on the session's connection. If the server dropped the connection (restart, timeout)
 * it reconnects once and runs `fn` again, so the user never sees a stale connection: `fn` must
 * therefore be safe to repeat.
 * @throws PosternError IMAP_UNAVAILABLE | INVALID_CREDENTIALS | TOO_MANY_CONNECTIONS, or what fn throws
 */
export async function withConnection<T>(
  id: ImapIdentity,
  fn: (client: ImapFlow) => Promise<T>,
  pool: SessionPool = getPool(),
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const client = await pool.get(id);
    try {
      return await fn(client);
    } catch (e) {
      const dropped = !(e instanceof PosternError) && (isConnectionError(e) || !client.usable);
      if (attempt === 0 && dropped) {
        pool.discard(poolKey(id), client);
        continue;
      }
      throw toPosternError(e);
    }
  }
}

/**
 * Runs `fn` with `path` selected, up to date and locked, releasing the lock however `fn` ends.
 * @throws PosternError NOT_FOUND (no such folder), and what withConnection throws
 */
export function withMailbox<T>(
  id: ImapIdentity,
  path: string,
  fn: (ctx: MailboxContext) => Promise<T>,
  pool: SessionPool = getPool(),
): Promise<T> {
  return withConnection(
    id,
    async (client) => {
      const wasSelected = client.mailbox !== false && client.mailbox?.path === path;
      const lock = await client.getMailboxLock(path).catch((e: unknown) => {
        if (isConnectionError(e) || !client.usable) throw e;
        throw PosternError.detailed("NOT_FOUND", "folderMissing", { folder: path }, { cause: e });
      });
      try {
        // The pooled connection keeps a folder selected between requests, and the server only
        // announces new or expunged messages in answer to a command: without this NOOP a reload
        // would not show mail delivered since the last request (SELECT, when it happens, does).
        if (wasSelected) await client.noop();
        return await fn({ client, mailbox: client.mailbox as MailboxObject });
      } finally {
        lock.release();
      }
    },
    pool,
  );
}
