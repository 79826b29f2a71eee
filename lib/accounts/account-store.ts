import crypto from "node:crypto";
import { decryptCredentials, encryptCredentials, type MailCredentials } from "@/lib/auth/credentials";
import { getMasterKey } from "@/lib/auth/secret-key";
import { getDb } from "@/lib/db/client";
import { PosternError } from "@/lib/http/errors";
import { MAIL_ACCOUNTS_MAX } from "@/lib/limits";
import { mailAccountKey } from "./mailbox-owner";
import { serverSecurity, type MailAccountInput, type MailAccountSummary } from "./account-types";

const ownerKey = (owner: string) => owner.trim().toLowerCase();
// The ciphertext is bound to its owner and row: a row copied to another owner (or id) does not decrypt.
const sealContext = (owner: string, id: string) => `mail-account:${ownerKey(owner)}:${id}`;

type Row = NonNullable<Awaited<ReturnType<ReturnType<typeof getDb>["mailAccount"]["findFirst"]>>>;

export type MailAccount = MailAccountSummary & { credentials: MailCredentials };

function toSummary(row: Row, user: string): MailAccountSummary {
  const security = serverSecurity.catch("tls");
  return {
    id: row.id,
    label: row.label,
    user,
    imap: { host: row.imapHost, port: row.imapPort, security: security.parse(row.imapSecurity) },
    smtp: { host: row.smtpHost, port: row.smtpPort, security: security.parse(row.smtpSecurity) },
  };
}

/** Decrypts a row's credentials; a row that no longer decrypts (the master key changed) is unusable. */
function openRow(row: Row): MailAccount | null {
  try {
    const credentials = decryptCredentials(row.sealedCredentials, getMasterKey(), sealContext(row.owner, row.id));
    return { ...toSummary(row, credentials.user), credentials };
  } catch {
    return null;
  }
}

/** The owner's accounts with their credentials, decrypted for this request only (the unified inbox). */
export async function openAccounts(owner: string): Promise<MailAccount[]> {
  const rows = await getDb().mailAccount.findMany({ where: { owner: ownerKey(owner) }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return rows.flatMap((row) => openRow(row) ?? []);
}

/** The owner's added accounts, oldest first, without passwords. */
export async function listAccounts(owner: string): Promise<MailAccountSummary[]> {
  return (await openAccounts(owner)).map(({ credentials: _, ...summary }) => summary);
}

/** One of the owner's accounts with its credentials, decrypted for this request only.
 * @throws PosternError NOT_FOUND (no such account of this owner, or its credentials no longer decrypt) */
export async function getAccount(owner: string, id: string): Promise<MailAccount> {
  const row = await getDb().mailAccount.findFirst({ where: { id, owner: ownerKey(owner) } });
  const open = row ? openRow(row) : null;
  if (!open) throw new PosternError("NOT_FOUND", "This account is not among your accounts. It may have been removed.");
  return open;
}

/** Stores a verified account; credentials sealed with the installation key.
 * @throws PosternError CONFLICT (MAIL_ACCOUNTS_MAX reached) */
export async function saveAccount(owner: string, input: MailAccountInput): Promise<string> {
  const db = getDb();
  if ((await db.mailAccount.count({ where: { owner: ownerKey(owner) } })) >= MAIL_ACCOUNTS_MAX) {
    throw new PosternError("CONFLICT", `You can add at most ${MAIL_ACCOUNTS_MAX} accounts.`);
  }
  const id = crypto.randomBytes(12).toString("base64url");
  await db.mailAccount.create({
    data: {
      id,
      owner: ownerKey(owner),
      label: input.label,
      imapHost: input.imap.host,
      imapPort: input.imap.port,
      imapSecurity: input.imap.security,
      smtpHost: input.smtp.host,
      smtpPort: input.smtp.port,
      smtpSecurity: input.smtp.security,
      sealedCredentials: encryptCredentials({ user: input.user, pass: input.pass }, getMasterKey(), sealContext(owner, id)),
    },
  });
  return id;
}

/** Removes the account and, with its row, its credentials, identities and settings. False when
 * there was no such account. */
export async function removeAccount(owner: string, id: string): Promise<boolean> {
  const db = getDb();
  const { count } = await db.mailAccount.deleteMany({ where: { id, owner: ownerKey(owner) } });
  if (count === 0) return false;
  const key = mailAccountKey(owner, id);
  await db.$transaction([db.identity.deleteMany({ where: { account: key } }), db.accountSetting.deleteMany({ where: { account: key } })]);
  return true;
}
