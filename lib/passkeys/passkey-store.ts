// An account's passkeys in the database: listed, named, removed, and their counter moved on use.
import { getDb } from "@/lib/db/client";
import type { AuthenticatorTransportFuture } from "@simplewebauthn/server";

export const accountKey = (account: string) => account.trim().toLowerCase();

/** What Settings shows of a passkey: never its key. */
export type PasskeySummary = { id: string; name: string; createdAt: Date; lastUsedAt: Date | null };

export type StoredPasskey = { id: string; account: string; publicKey: Uint8Array; counter: number; transports: AuthenticatorTransportFuture[] };

export async function listPasskeys(account: string): Promise<PasskeySummary[]> {
  return getDb().passkey.findMany({
    where: { account: accountKey(account) },
    select: { id: true, name: true, createdAt: true, lastUsedAt: true },
    orderBy: { createdAt: "asc" },
  });
}

export async function countPasskeys(account: string): Promise<number> {
  return getDb().passkey.count({ where: { account: accountKey(account) } });
}

/** The account's passkeys as WebAuthn needs them (ids and transports for the browser). */
export async function passkeyCredentials(account: string): Promise<Pick<StoredPasskey, "id" | "transports">[]> {
  const rows = await getDb().passkey.findMany({ where: { account: accountKey(account) }, select: { id: true, transports: true } });
  return rows.map((r) => ({ id: r.id, transports: splitTransports(r.transports) }));
}

export async function findPasskey(id: string): Promise<StoredPasskey | null> {
  const row = await getDb().passkey.findUnique({ where: { id } });
  if (!row) return null;
  return { id: row.id, account: row.account, publicKey: Buffer.from(row.publicKey, "base64url"), counter: Number(row.counter), transports: splitTransports(row.transports) };
}

export async function addPasskey(input: { account: string; id: string; name: string; publicKey: Uint8Array; counter: number; transports: string[] }): Promise<void> {
  await getDb().passkey.create({
    data: {
      id: input.id,
      account: accountKey(input.account),
      name: input.name,
      publicKey: Buffer.from(input.publicKey).toString("base64url"),
      counter: BigInt(input.counter),
      transports: input.transports.join(","),
    },
  });
}

/** Renames one of the account's passkeys; false if it is not the account's. */
export async function renamePasskey(account: string, id: string, name: string): Promise<boolean> {
  return (await getDb().passkey.updateMany({ where: { id, account: accountKey(account) }, data: { name } })).count === 1;
}

/** Removes one of the account's passkeys; false if it is not the account's. */
export async function removePasskey(account: string, id: string): Promise<boolean> {
  return (await getDb().passkey.deleteMany({ where: { id, account: accountKey(account) } })).count === 1;
}

/** Records a use: only if the counter is still the one the check was made against, so two
 * requests with the same signature (or a clone racing the original) pass once. */
export async function recordPasskeyUse(input: { id: string; seenCounter: number; newCounter: number }, now = new Date()): Promise<boolean> {
  const done = await getDb().passkey.updateMany({
    where: { id: input.id, counter: BigInt(input.seenCounter) },
    data: { counter: BigInt(input.newCounter), lastUsedAt: now },
  });
  return done.count === 1;
}

function splitTransports(s: string): AuthenticatorTransportFuture[] {
  return s.split(",").filter(Boolean) as AuthenticatorTransportFuture[];
}
