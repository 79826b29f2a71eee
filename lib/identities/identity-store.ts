import crypto from "node:crypto";
import { getDb } from "@/lib/db/client";
import { PosternError } from "@/lib/http/errors";
import { ACCOUNT_IDENTITY_ID, type Identity } from "./identity-types";

export type IdentityInput = { name: string; address: string; replyTo: string; signature: string; isDefault: boolean };

/** Identities are per account, whatever the session: keyed by the signed-in address. */
const accountKey = (account: string) => account.trim().toLowerCase();

function accountIdentity(account: string): Identity {
  return { id: ACCOUNT_IDENTITY_ID, name: "", address: account, replyTo: "", signature: "", isDefault: true };
}

/** The account's identities, the default first; an account with none stored has one: itself. */
export async function listIdentities(account: string): Promise<Identity[]> {
  const rows = await getDb().identity.findMany({ where: { account: accountKey(account) }, orderBy: { createdAt: "asc" } });
  if (rows.length === 0) return [accountIdentity(account)];
  const list = rows.map(({ id, name, address, replyTo, signature, isDefault }) => ({ id, name, address, replyTo, signature, isDefault }));
  // Exactly one default, even if the rows disagree (e.g. the default was deleted).
  const def = list.find((i) => i.isDefault) ?? list[0];
  return [def, ...list.filter((i) => i !== def)].map((i) => ({ ...i, isDefault: i === def }));
}

/** The identity with this id, or the default one when it is unknown (a stale form). */
export async function findIdentity(account: string, id: string | null | undefined): Promise<Identity> {
  const list = await listIdentities(account);
  return list.find((i) => i.id === id) ?? list[0];
}

/** Adds (no id) or changes an identity. The first one stored becomes the default. */
export async function saveIdentity(account: string, id: string | null, input: IdentityInput): Promise<Identity> {
  const db = getDb();
  const key = accountKey(account);
  const count = await db.identity.count({ where: { account: key } });
  const isDefault = input.isDefault || count === 0;
  return db.$transaction(async (tx) => {
    if (isDefault) await tx.identity.updateMany({ where: { account: key }, data: { isDefault: false } });
    if (id) {
      const updated = await tx.identity.updateMany({ where: { id, account: key }, data: { ...input, isDefault } });
      if (updated.count === 0) throw new PosternError("NOT_FOUND", "This identity no longer exists.");
      return { id, ...input, isDefault };
    }
    const created = await tx.identity.create({ data: { id: crypto.randomUUID(), account: key, ...input, isDefault } });
    return { id: created.id, ...input, isDefault };
  });
}

/** @throws PosternError NOT_FOUND when the account has no such identity (never someone else's). */
export async function deleteIdentity(account: string, id: string): Promise<void> {
  const { count } = await getDb().identity.deleteMany({ where: { id, account: accountKey(account) } });
  if (count === 0) throw new PosternError("NOT_FOUND", "This identity does not exist, or was already deleted. Nothing was changed.");
}
