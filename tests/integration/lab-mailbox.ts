// Reading lab mailboxes over a test's own IMAP connections (never through Postern's pool), to
// check what really arrived.
import type { ImapFlow } from "imapflow";
import { connectImap } from "@/lib/imap/session-pool";
import { deleteBySubject, fetchBySubject, type Found } from "@/tests/fixtures/mailbox-by-subject";

export type { Found };

export type LabUser = { email: string; password: string };

export async function raw<T>(user: LabUser, fn: (c: ImapFlow) => Promise<T>): Promise<T> {
  const c = await connectImap({ credentials: { user: user.email, pass: user.password }, clientIp: null });
  try {
    return await fn(c);
  } finally {
    await c.logout();
  }
}

/** Messages of `folder` whose subject contains `text`, read in full. */
export function findIn(user: LabUser, folder: string, text: string): Promise<Found[]> {
  return raw(user, (c) => fetchBySubject(c, folder, text));
}

/** Delivery is asynchronous (Postfix queue, then LMTP): poll with a deadline, no fixed sleeps. */
export async function waitFor(user: LabUser, folder: string, text: string, timeoutMs = 20_000): Promise<Found> {
  const deadline = Date.now() + timeoutMs;
  for (let delay = 100; ; delay = Math.min(delay * 2, 1000)) {
    const [first] = await findIn(user, folder, text);
    if (first) return first;
    if (Date.now() > deadline) throw new Error(`no message with "${text}" in ${user.email}'s ${folder} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, delay));
  }
}

/** Removes the messages whose subject contains `text` from each folder. */
export function removeMatching(user: LabUser, folders: string[], text: string): Promise<void> {
  return raw(user, (c) => deleteBySubject(c, folders, text));
}
