import { z } from "zod";
import { decryptCredentials, encryptCredentials, type MailCredentials } from "@/lib/auth/credentials";
import { getMasterKey } from "@/lib/auth/secret-key";
import { getDb } from "@/lib/db/client";
import { getConfig } from "@/lib/env";

export const newsSecurity = z.enum(["starttls", "tls", "none"]);

/** Where a user reads news: their own server, or the installation's default (NNTP_*). */
export type NewsServerSettings = {
  host: string;
  port: number;
  security: z.infer<typeof newsSecurity>;
  credentials: MailCredentials | null;
  /** false: the NNTP_* defaults, nothing stored for this account. */
  own: boolean;
};

const accountKey = (account: string) => account.trim().toLowerCase();
// The ciphertext is bound to its account: a row copied to another account does not decrypt.
const sealContext = (account: string) => `news-server:${accountKey(account)}`;

/** The account's news server settings, credentials decrypted. A row whose credentials no longer
 * decrypt (the master key changed) reads anonymously rather than failing every news page. */
export async function getNewsServer(account: string): Promise<NewsServerSettings> {
  const row = await getDb().newsServer.findUnique({ where: { account: accountKey(account) } });
  if (!row) {
    const c = getConfig();
    return { host: c.NNTP_HOST, port: c.NNTP_PORT, security: c.NNTP_TLS, credentials: null, own: false };
  }
  let credentials: MailCredentials | null = null;
  if (row.sealedCredentials) {
    try {
      credentials = decryptCredentials(row.sealedCredentials, getMasterKey(), sealContext(account));
    } catch {
      credentials = null;
    }
  }
  return { host: row.host, port: row.port, security: newsSecurity.catch("starttls").parse(row.security), credentials, own: true };
}

export type NewsServerInput = { host: string; port: number; security: z.infer<typeof newsSecurity>; credentials: MailCredentials | null };

/** Stores the account's own news server; credentials are sealed with the installation key. */
export async function saveNewsServer(account: string, input: NewsServerInput): Promise<void> {
  const sealed = input.credentials?.user ? encryptCredentials(input.credentials, getMasterKey(), sealContext(account)) : null;
  const data = { host: input.host, port: input.port, security: input.security, sealedCredentials: sealed, updatedAt: new Date() };
  await getDb().newsServer.upsert({ where: { account: accountKey(account) }, create: { account: accountKey(account), ...data }, update: data });
}

/** Back to the installation's default server. */
export async function forgetNewsServer(account: string): Promise<void> {
  await getDb().newsServer.deleteMany({ where: { account: accountKey(account) } });
}
