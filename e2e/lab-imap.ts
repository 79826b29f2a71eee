import { expect } from "@playwright/test";
import { ImapFlow } from "imapflow";
import { deleteBySubject, fetchBySubject, type Found } from "../tests/fixtures/mailbox-by-subject";

/**
 * Runs `fn` on a direct IMAP connection to the mail lab as `user`, for a journey's own setup
 * (putting test messages in place). The browser never does this; only the tests do.
 */
export async function withLabImap<T>(user: { email: string; password: string }, fn: (imap: ImapFlow) => Promise<T>): Promise<T> {
  const imap = new ImapFlow({
    host: "127.0.0.1",
    port: Number(process.env.LAB_IMAP_PORT ?? 3143),
    secure: false,
    doSTARTTLS: false,
    auth: { user: user.email, pass: user.password },
    logger: false,
  });
  await imap.connect();
  try {
    return await fn(imap);
  } finally {
    await imap.logout();
  }
}

/** Removes every message from the given folders. */
export async function emptyFolders(imap: ImapFlow, folders: string[]): Promise<void> {
  for (const folder of folders) {
    const lock = await imap.getMailboxLock(folder);
    try {
      await imap.messageDelete("1:*");
    } finally {
      lock.release();
    }
  }
}

/** Removes the messages whose subject contains `text` (a run's tag) from the given folders. */
export function removeBySubject(user: { email: string; password: string }, folders: string[], text: string): Promise<void> {
  return withLabImap(user, (imap) => deleteBySubject(imap, folders, text));
}

/** Polls `folder` until a message with `text` in its subject is there (bounded, no fixed sleep). */
export async function arrived(user: { email: string; password: string }, folder: string, text: string): Promise<Found> {
  let found: Found | undefined;
  await expect
    .poll(async () => (found = (await withLabImap(user, (imap) => fetchBySubject(imap, folder, text)))[0]), { timeout: 20_000 })
    .toBeTruthy();
  return found!;
}
