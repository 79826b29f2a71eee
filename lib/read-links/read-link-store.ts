// Read links in Postern's database (model ReadLink). Ciphertext leaves the database exactly once:
// the reveal first claims the row with a conditional UPDATE, which SQLite runs one at a time, so
// of any number of simultaneous reveals only one sees its claim succeed and reads the blob.
import { decryptText, encryptText } from "@/lib/auth/credentials";
import { deriveKey } from "@/lib/auth/secret-key";
import { databaseProvider, getDb } from "@/lib/db/client";
import { PosternError } from "@/lib/http/errors";
import { getMetrics } from "@/lib/observability/metrics";
import type { Address } from "@/lib/mime/types";
import { toBase64Url } from "./base64url";
import { hashLinkToken, newLinkToken } from "./link-token";
import { linkState, type LinkState } from "./link-state";
import { newLinkKey, readLinkKey, seal } from "./seal";
import { encodeSealedMessage, type SealedMessage } from "./sealed-message";

/** Opened, revoked and expired links are kept (without content) this long for the Receipts view. */
const KEEP_RECEIPTS_MS = 365 * 24 * 3600 * 1000;

const subjectKey = () => deriveKey("read-link-subject");

const holder = globalThis as unknown as { posternSecureDelete?: Promise<unknown> };

/**
 * Deleted content must not linger in free database pages: SQLite's secure_delete overwrites
 * them with zeros. It is a setting of the connection, and Postern has one (lib/db/client.ts), so
 * it is set once, before the first write that removes a message.
 */
function secureDelete(): Promise<unknown> {
  // PostgreSQL has no such setting: an old row version stays in its page until VACUUM (autovacuum)
  // frees the space and a later write reuses it; the operator's disk encryption covers that.
  if (databaseProvider() !== "sqlite") return Promise.resolve();
  holder.posternSecureDelete ??= getDb().$queryRawUnsafe("PRAGMA secure_delete = ON");
  return holder.posternSecureDelete;
}

export type NewReadLink = {
  /** Receipt id chosen when the Sent copy was built (it names the links in a header). */
  id: string;
  account: string;
  messageId: string;
  recipient: string;
  sender: Address;
  message: SealedMessage;
  expiresAt: Date;
};

/** The two secrets of a link: `token` for its path, `key` for its fragment. Neither is stored. */
export type LinkSecrets = { id: string; token: string; key: string };

/** Seals `message` under a fresh key and stores only the ciphertext. */
export async function createReadLink(link: NewReadLink): Promise<LinkSecrets> {
  const token = newLinkToken();
  const key = newLinkKey();
  const raw = readLinkKey(key) as Uint8Array;
  const ciphertext = await seal(encodeSealedMessage(link.message), raw, "message");
  const sealedSubject = await seal(new TextEncoder().encode(link.message.subject), raw, "subject");
  await getDb().readLink.create({
    data: {
      id: link.id,
      tokenHash: hashLinkToken(token),
      account: link.account.trim().toLowerCase(),
      messageId: link.messageId,
      recipient: link.recipient,
      senderName: link.sender.name,
      senderAddress: link.sender.address,
      sealedSubject,
      senderSubject: encryptText(link.message.subject, subjectKey(), link.id),
      ciphertext,
      size: ciphertext.length,
      expiresAt: link.expiresAt,
    },
  });
  return { id: link.id, token, key };
}

/** Links of a send that did not happen (nothing reached anybody): they must not linger. */
export async function deleteReadLinks(ids: string[]): Promise<void> {
  if (!ids.length) return;
  await secureDelete();
  await getDb().readLink.deleteMany({ where: { id: { in: ids } } });
}

/** What the interstitial may show: never the content, the subject only sealed. */
export type LinkForVisitor = {
  state: LinkState;
  senderName: string;
  senderAddress: string;
  expiresAt: Date;
  openedAt: Date | null;
  revokedAt: Date | null;
  /** base64url, present while the link is waiting. */
  sealedSubject: string | null;
};

/** A visitor's view of the link named by `token`, or null when there is none. Reads only. */
export async function findLinkForVisitor(token: string, now = new Date()): Promise<LinkForVisitor | null> {
  const row = await getDb().readLink.findUnique({
    where: { tokenHash: hashLinkToken(token) },
    select: { senderName: true, senderAddress: true, expiresAt: true, openedAt: true, revokedAt: true, sealedSubject: true },
  });
  if (!row) return null;
  const state = linkState(row, now);
  return {
    state,
    senderName: row.senderName,
    senderAddress: row.senderAddress,
    expiresAt: row.expiresAt,
    openedAt: row.openedAt,
    revokedAt: row.revokedAt,
    sealedSubject: state === "waiting" && row.sealedSubject ? toBase64Url(row.sealedSubject) : null,
  };
}

export type OpenOutcome =
  | { ok: true; ciphertext: Uint8Array }
  | { ok: false; state: Exclude<LinkState, "waiting">; at: Date }
  | null;

/**
 * How long the browser that opened a link may ask for its content again, with the retry secret
 * it made before asking: long enough to retry an answer lost on the way (a dropped connection),
 * short enough that the content does not linger. The browser ends the window as soon as it has
 * decrypted the message (finishReadLink); the periodic purge ends the others.
 */
export const REVEAL_RETRY_MS = 2 * 60 * 1000;

const hashRetry = (retry: string) => hashLinkToken(`retry:${retry}`);

/**
 * Spends the link: claims it (only a waiting link, only once), then takes its ciphertext out of
 * the database. With `retry` (a secret only the opening browser knows) the ciphertext stays for
 * REVEAL_RETRY_MS, and the same secret gets it again: an answer lost on the way loses the reader
 * nothing, and nobody else can use the link. Null for an unknown token.
 */
export async function openReadLink(
  token: string,
  opener: { agent: string; ip: string | null; retry?: string | null },
  now = new Date(),
): Promise<OpenOutcome> {
  const db = getDb();
  const tokenHash = hashLinkToken(token);
  const retryHash = opener.retry ? hashRetry(opener.retry) : null;
  // Before the claim: updating the row rewrites it, blob included, and frees the old copy.
  await secureDelete();
  const claimed = await db.readLink.updateMany({
    where: { tokenHash, openedAt: null, revokedAt: null, expiresAt: { gt: now } },
    data: { openedAt: now, openedAgent: opener.agent, openedIp: opener.ip, retryHash, retryUntil: retryHash ? new Date(now.getTime() + REVEAL_RETRY_MS) : null },
  });
  if (claimed.count !== 1) {
    if (retryHash) {
      const again = await db.readLink.findFirst({ where: { tokenHash, retryHash, retryUntil: { gt: now }, revokedAt: null }, select: { ciphertext: true } });
      if (again?.ciphertext) return { ok: true, ciphertext: again.ciphertext };
    }
    const row = await db.readLink.findUnique({ where: { tokenHash }, select: { expiresAt: true, openedAt: true, revokedAt: true } });
    if (!row) return null;
    const state = linkState(row, now);
    // Still "waiting" here is only possible if the clock moved backwards between the two queries.
    if (state === "waiting") return { ok: false, state: "expired", at: row.expiresAt };
    return { ok: false, state, at: state === "opened" ? (row.openedAt as Date) : state === "revoked" ? (row.revokedAt as Date) : row.expiresAt };
  }
  getMetrics().readLinksOpened.inc();
  if (retryHash) {
    const row = await db.readLink.findUnique({ where: { tokenHash }, select: { ciphertext: true } });
    if (!row?.ciphertext) throw new PosternError("NOT_FOUND", "This message is no longer stored.");
    return { ok: true, ciphertext: row.ciphertext };
  }
  const [row] = await db.$transaction([
    db.readLink.findUnique({ where: { tokenHash }, select: { ciphertext: true } }),
    db.readLink.update({ where: { tokenHash }, data: { ciphertext: null, sealedSubject: null } }),
  ]);
  if (!row?.ciphertext) throw new PosternError("NOT_FOUND", "This message is no longer stored.");
  return { ok: true, ciphertext: row.ciphertext };
}

/** The opening browser has the message: its content goes now, not at the end of the window. */
export async function finishReadLink(token: string, retry: string): Promise<void> {
  await secureDelete();
  await getDb().readLink.updateMany({
    where: { tokenHash: hashLinkToken(token), retryHash: hashRetry(retry) },
    data: { ciphertext: null, sealedSubject: null, retryHash: null, retryUntil: null },
  });
}

/** A receipt as its sender sees it. */
export type Receipt = {
  id: string;
  messageId: string;
  recipient: string;
  subject: string;
  state: LinkState;
  createdAt: Date;
  expiresAt: Date;
  openedAt: Date | null;
  openedAgent: string | null;
  openedIp: string | null;
  revokedAt: Date | null;
};

const receiptFields = {
  id: true,
  messageId: true,
  recipient: true,
  senderSubject: true,
  createdAt: true,
  expiresAt: true,
  openedAt: true,
  openedAgent: true,
  openedIp: true,
  revokedAt: true,
} as const;

type ReceiptRow = { id: string; messageId: string; recipient: string; senderSubject: string; createdAt: Date; expiresAt: Date; openedAt: Date | null; openedAgent: string | null; openedIp: string | null; revokedAt: Date | null };

function toReceipt(row: ReceiptRow, now: Date): Receipt {
  let subject: string;
  try {
    subject = decryptText(row.senderSubject, subjectKey(), row.id);
  } catch {
    // The master key changed: the receipt is still worth showing.
    subject = "(subject unavailable)";
  }
  const { senderSubject: _s, ...rest } = row;
  return { ...rest, subject, state: linkState(row, now) };
}

/** The account's receipts, newest first. */
export async function listReceipts(account: string, opts: { limit?: number; messageId?: string } = {}, now = new Date()): Promise<Receipt[]> {
  const rows = await getDb().readLink.findMany({
    where: { account: account.trim().toLowerCase(), ...(opts.messageId ? { messageId: opts.messageId } : {}) },
    select: receiptFields,
    orderBy: [{ createdAt: "desc" }, { recipient: "asc" }],
    take: opts.limit ?? 500,
  });
  return rows.map((r) => toReceipt(r, now));
}

/** At most this many openings not shown yet are named on a page (newest first). */
const UNSEEN_SHOWN = 20;
/** Receipts of one message on the page (a message to more recipients shows its newest). */
const MESSAGE_RECEIPTS = 500;

/**
 * What the mail page shows, in one query: read-link openings the sender has not been shown yet
 * (newest opening first) and the receipts of the opened message (`messageId`), if any. Should
 * more than both limits together match, the oldest links are left for a later page.
 */
export async function pageReceipts(account: string, messageId: string | null, now = new Date()): Promise<{ unseen: Receipt[]; ofMessage: Receipt[] }> {
  const unseenWhere = { openedAt: { not: null }, notifiedAt: null };
  const rows = await getDb().readLink.findMany({
    where: { account: account.trim().toLowerCase(), OR: messageId ? [unseenWhere, { messageId }] : [unseenWhere] },
    select: { ...receiptFields, notifiedAt: true },
    orderBy: [{ createdAt: "desc" }, { recipient: "asc" }],
    take: UNSEEN_SHOWN + MESSAGE_RECEIPTS,
  });
  const unseen = rows
    .filter((r) => r.openedAt && !r.notifiedAt)
    .sort((a, b) => b.openedAt!.getTime() - a.openedAt!.getTime())
    .slice(0, UNSEEN_SHOWN);
  const ofMessage = messageId ? rows.filter((r) => r.messageId === messageId).slice(0, MESSAGE_RECEIPTS) : [];
  const receipt = ({ notifiedAt: _n, ...row }: (typeof rows)[number]) => toReceipt(row, now);
  return { unseen: unseen.map(receipt), ofMessage: ofMessage.map(receipt) };
}

/**
 * Withdraws a waiting link: its content is deleted at once.
 * @throws PosternError NOT_FOUND (not this account's) | CONFLICT (already opened, expired or revoked)
 */
export async function revokeReadLink(account: string, id: string, now = new Date()): Promise<void> {
  const db = getDb();
  const owner = account.trim().toLowerCase();
  await secureDelete();
  const done = await db.readLink.updateMany({
    where: { id, account: owner, openedAt: null, revokedAt: null, expiresAt: { gt: now } },
    data: { revokedAt: now, ciphertext: null, sealedSubject: null },
  });
  if (done.count === 1) return;
  const row = await db.readLink.findFirst({ where: { id, account: owner }, select: { expiresAt: true, openedAt: true, revokedAt: true } });
  if (!row) throw new PosternError("NOT_FOUND", "There is no such read link.");
  const state = linkState(row, now);
  throw new PosternError("CONFLICT", state === "opened" ? "Too late to revoke: the message was already opened." : `This link is already ${state}.`);
}

/**
 * The periodic purge: content of links that can no longer be opened is deleted (expired ones
 * included, the moment they expire), and receipts older than a year go altogether.
 * @returns how many links lost their content
 */
export async function purgeReadLinks(now = new Date()): Promise<number> {
  const db = getDb();
  await secureDelete();
  // An opened link keeps its content only during its retry window (openReadLink).
  const purged = await db.readLink.updateMany({
    where: {
      ciphertext: { not: null },
      OR: [{ expiresAt: { lte: now } }, { openedAt: { not: null }, OR: [{ retryUntil: null }, { retryUntil: { lte: now } }] }, { revokedAt: { not: null } }],
    },
    data: { ciphertext: null, sealedSubject: null, retryHash: null, retryUntil: null },
  });
  await db.readLink.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - KEEP_RECEIPTS_MS) } } });
  // The write-ahead log still holds earlier images of pages that held content, until a
  // checkpoint; TRUNCATE copies the zeroed pages into the database and empties the log.
  if (databaseProvider() === "sqlite") await db.$queryRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
  return purged.count;
}
