import { randomUUID } from "node:crypto";
import { z } from "zod";
import { decryptCredentials, encryptCredentials, type MailCredentials } from "@/lib/auth/credentials";
import { getMasterKey } from "@/lib/auth/secret-key";
import { getDb } from "@/lib/db/client";
import { PosternError } from "@/lib/http/errors";

export const pop3Security = z.enum(["tls", "starttls", "none"]);
export const pop3Auth = z.enum(["user", "apop"]);

/** An external POP3 mailbox as its owner sees it: never the password. */
export type Pop3AccountSummary = {
  id: string;
  host: string;
  port: number;
  security: z.infer<typeof pop3Security>;
  auth: z.infer<typeof pop3Auth>;
  user: string;
  folder: string;
  /** null: leave on the server */
  deleteAfterDays: number | null;
  lastAttemptAt: Date | null;
  lastSuccessAt: Date | null;
  lastError: string | null;
  lastCollected: number;
};

export type Pop3Account = Pop3AccountSummary & { owner: string; credentials: MailCredentials };

export type Pop3AccountInput = {
  host: string;
  port: number;
  security: z.infer<typeof pop3Security>;
  auth: z.infer<typeof pop3Auth>;
  credentials: MailCredentials;
  folder: string;
  deleteAfterDays: number | null;
};

/** Pop3Account.owner: the Postern account, as the spam filter keys it. */
export const ownerKey = (email: string) => email.trim().toLowerCase();
// The ciphertext is bound to its row and owner: a row copied to another account does not decrypt.
const sealContext = (id: string, owner: string) => `pop3-account:${id}:${owner}`;

type Row = NonNullable<Awaited<ReturnType<ReturnType<typeof getDb>["pop3Account"]["findUnique"]>>>;

function toAccount(row: Row): Pop3Account {
  let credentials: MailCredentials = { user: "", pass: "" };
  try {
    credentials = decryptCredentials(row.sealedCredentials, getMasterKey(), sealContext(row.id, row.owner));
  } catch {
    // the master key changed: the account shows, and its fetch fails asking for the password again
  }
  return {
    id: row.id,
    owner: row.owner,
    host: row.host,
    port: row.port,
    security: pop3Security.catch("tls").parse(row.security),
    auth: pop3Auth.catch("user").parse(row.auth),
    user: credentials.user,
    credentials,
    folder: row.folder,
    deleteAfterDays: row.deleteAfterDays,
    lastAttemptAt: row.lastAttemptAt,
    lastSuccessAt: row.lastSuccessAt,
    lastError: row.lastError,
    lastCollected: row.lastCollected,
  };
}

/** The user's POP3 accounts, oldest first, without passwords. */
export async function listPop3Accounts(email: string): Promise<Pop3AccountSummary[]> {
  const rows = await getDb().pop3Account.findMany({ where: { owner: ownerKey(email) }, orderBy: { createdAt: "asc" } });
  return rows.map((r) => {
    const { credentials: _secret, owner: _owner, ...summary } = toAccount(r);
    return summary;
  });
}

/** One of the user's POP3 accounts, credentials decrypted. @throws PosternError NOT_FOUND (none, or another user's) */
export async function getPop3Account(email: string, id: string): Promise<Pop3Account> {
  const row = await getDb().pop3Account.findFirst({ where: { id, owner: ownerKey(email) } });
  if (!row) throw new PosternError("NOT_FOUND", "There is no such POP3 account.");
  return toAccount(row);
}

/** Stores a new POP3 account; returns its id. */
export async function addPop3Account(email: string, input: Pop3AccountInput): Promise<string> {
  const id = randomUUID();
  const owner = ownerKey(email);
  const { credentials, ...rest } = input;
  await getDb().pop3Account.create({ data: { id, owner, ...rest, sealedCredentials: encryptCredentials(credentials, getMasterKey(), sealContext(id, owner)) } });
  return id;
}

/** Replaces an account's settings in place (its id, and so its seen list and claim, stay).
 * @throws PosternError NOT_FOUND (none, or another user's) */
export async function replacePop3Account(email: string, id: string, input: Pop3AccountInput): Promise<void> {
  const owner = ownerKey(email);
  const { credentials, ...rest } = input;
  const sealedCredentials = encryptCredentials(credentials, getMasterKey(), sealContext(id, owner));
  // a changed server or password deserves a fresh start of the shown error
  const { count } = await getDb().pop3Account.updateMany({ where: { id, owner }, data: { ...rest, sealedCredentials, lastError: null } });
  if (count === 0) throw new PosternError("NOT_FOUND", "There is no such POP3 account.");
}

/** Deletes the account, its seen list and its claim (a run still going ends at its next renewal). */
export async function deletePop3Account(email: string, id: string): Promise<void> {
  const db = getDb();
  const gone = await db.pop3Account.deleteMany({ where: { id, owner: ownerKey(email) } });
  if (gone.count === 0) return;
  await db.pop3Seen.deleteMany({ where: { pop3AccountId: id } });
  await db.pop3FetchLease.deleteMany({ where: { account: id } });
}

/** What a run ended with, shown to the owner: a success clears the last error. */
/** `error` is as lib/http/stored-error.ts stores it. */
export async function recordRunOutcome(id: string, outcome: { collected: number } | { error: string }, now = new Date()): Promise<void> {
  const data = "error" in outcome ? { lastError: outcome.error.slice(0, 2000) } : { lastError: null, lastSuccessAt: now, lastCollected: outcome.collected };
  await getDb().pop3Account.updateMany({ where: { id }, data });
}
