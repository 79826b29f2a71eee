import { storeError } from "@/lib/http/stored-error";
import { getDb } from "@/lib/db/client";
import { withJobLease } from "@/lib/db/job-lease";
import { isPosternError } from "@/lib/http/errors";
import type { ImapIdentity } from "@/lib/imap/session-pool";
import { POP3_FETCH_INTERVAL_MS, POP3_FETCH_LEASE_MS, POP3_FETCH_MAX_BYTES, POP3_FETCH_MAX_MESSAGES, POP3_MAX_MESSAGE_BYTES } from "@/lib/limits";
import { listMessages } from "@/lib/pop3/commands/list-messages";
import { deleteMessage, quit, retrieveMessage } from "@/lib/pop3/commands/retrieve";
import type { Pop3Connection } from "@/lib/pop3/connection";
import { Pop3ProtocolError } from "@/lib/pop3/errors";
import { PosternError } from "@/lib/http/errors";
import { judgeCollectedMail } from "@/lib/spam/judge-collected-mail";
import { toCollectError } from "./collect-error";
import { openPop3Account } from "./open-pop3-account";
import { planCollection } from "./plan-collection";
import { recordRunOutcome, type Pop3Account } from "./pop3-account-store";
import { markPending, markStored, markTooLarge, pruneSeen, readSeen } from "./seen-store";
import { collectedTag, storeCollected, tagMessage } from "./store-collected";

export type CollectResult = {
  /** false: another run of this account was going on (here or in another process); nothing done. */
  ran: boolean;
  collected: number;
  /** UIDs of the stored messages in the target folder (for the spam filter). */
  uids: number[];
  deleted: number;
  /** More messages wait for the next run (the per-run cap). */
  more: boolean;
  /** Messages left on the server because they are larger than POP3_MAX_MESSAGE_BYTES. */
  tooLarge: number;
};

export type CollectOptions = { now?: Date; maxMessages?: number; maxBytes?: number; maxMessageBytes?: number };

/** Time left on the lease when the watchdog cuts a run's POP3 connection. */
const LEASE_MARGIN_MS = 20_000;

const NOT_RUN: CollectResult = { ran: false, collected: 0, uids: [], deleted: 0, more: false, tooLarge: 0 };

/**
 * One fetch run of a POP3 account into its folder of the user's IMAP mailbox, as the account's
 * only run (a lease in the database). Each new message is recorded as pending, retrieved, stored
 * with APPEND, then recorded as stored; only stored messages are ever deleted from the POP3 server
 * (and only after QUIT succeeds: RFC 1939 6). A run that dies anywhere loses nothing: a pending
 * message is looked for in the folder before it is stored again. The outcome (collected count or
 * error) is recorded on the account for its owner to see. The spam filter then judges what was
 * stored (lib/spam/judge-collected-mail.ts).
 * @throws PosternError HOST_REFUSED | POP3_UNAVAILABLE | POP3_AUTH_FAILED | NOT_FOUND | IMAP_UNAVAILABLE
 */
export async function collectPop3Account(id: ImapIdentity, account: Pop3Account, opts: CollectOptions = {}): Promise<CollectResult> {
  const now = opts.now ?? new Date();
  const job = await withJobLease(getDb().pop3FetchLease, account.id, POP3_FETCH_LEASE_MS, async (renew) => {
    await getDb().pop3Account.updateMany({ where: { id: account.id }, data: { lastAttemptAt: now } });
    try {
      const result = await runOnce(id, account, now, opts, renew);
      await recordRunOutcome(account.id, { collected: result.collected }, now);
      // the rest of a big mailbox comes at the scheduler's next tick, not after the whole interval
      if (result.more) await getDb().pop3Account.updateMany({ where: { id: account.id }, data: { lastAttemptAt: new Date(now.getTime() - POP3_FETCH_INTERVAL_MS) } });
      return result;
    } catch (e) {
      const shown = toCollectError(e);
      const error = isPosternError(shown) ? storeError(shown) : storeError({ code: "INTERNAL", message: "The fetch failed unexpectedly." });
      await recordRunOutcome(account.id, { error }, now).catch(() => undefined);
      throw shown;
    }
  });
  if (!job.ran) return NOT_RUN;
  // judged like new INBOX mail (outside the lease: the POP3 side is done)
  await judgeCollectedMail(id, account.owner, account.folder, job.result.uids);
  return job.result;
}

async function runOnce(id: ImapIdentity, account: Pop3Account, now: Date, opts: CollectOptions, renew: () => Promise<boolean>): Promise<CollectResult> {
  const connection = await openPop3Account(account);
  // A server trickling one answer could hold this run past its lease, and another process would
  // then start a second run of the account: the connection is cut before the lease can run out
  // (each renewal gives the run a new lease's time).
  let watchdog = setTimeout(() => connection.close(), POP3_FETCH_LEASE_MS - LEASE_MARGIN_MS);
  const renewed = async () => {
    if (!(await renew())) return false;
    clearTimeout(watchdog);
    watchdog = setTimeout(() => connection.close(), POP3_FETCH_LEASE_MS - LEASE_MARGIN_MS);
    return true;
  };
  try {
    const plan = planCollection(await listMessages(connection), await readSeen(account.id), {
      now,
      deleteAfterDays: account.deleteAfterDays,
      maxMessages: opts.maxMessages ?? POP3_FETCH_MAX_MESSAGES,
      maxBytes: opts.maxBytes ?? POP3_FETCH_MAX_BYTES,
      maxMessageBytes: opts.maxMessageBytes ?? POP3_MAX_MESSAGE_BYTES,
    });
    await pruneSeen(account.id, plan.prune);
    const uids: number[] = [];
    let deleted = 0;
    let collected = 0;
    let leaseLost = false;
    for (const m of plan.fetch) {
      await markPending(account.id, m.uidl);
      const raw = await retrieveMessage(connection, m.number, opts.maxMessageBytes ?? POP3_MAX_MESSAGE_BYTES).catch(async (e: unknown) => {
        // the server's LIST said less: skip it for good, or every run would stop here (the
        // connection is closed, so this run ends; nothing is deleted without its QUIT)
        if (e instanceof Pop3ProtocolError && e.reason === "too-large") {
          await markTooLarge(account.id, m.uidl);
          throw new PosternError("MESSAGE_TOO_LARGE", "A message is larger than Postern collects; it stays on the POP3 server. The next fetch goes on with the others.");
        }
        throw e;
      });
      const tag = collectedTag(account.id, m.uidl);
      const uid = await storeCollected(id, { folder: account.folder, raw: tagMessage(raw, tag), tag, lookFirst: plan.resume.has(m.uidl) });
      await markStored(account.id, m.uidl, now);
      collected++;
      if (uid) uids.push(uid);
      if (account.deleteAfterDays === 0) deleted += await remove(connection, m.number);
      // lost when this process stalled past the lease and another run took the account over
      if (!(await renewed())) {
        leaseLost = true;
        break;
      }
    }
    if (!leaseLost) for (const m of plan.remove) deleted += await remove(connection, m.number);
    await quit(connection);
    return { ran: true, collected, uids, deleted, more: plan.more || leaseLost, tooLarge: plan.tooLarge.length };
  } finally {
    clearTimeout(watchdog);
    connection.close();
  }
}

async function remove(connection: Pop3Connection, number: number): Promise<number> {
  await deleteMessage(connection, number);
  return 1;
}
