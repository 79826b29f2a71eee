import crypto from "node:crypto";
import { getDb } from "@/lib/db/client";
import { getConfig } from "@/lib/env";
import { PosternError } from "@/lib/http/errors";
import { isPreapprovedAddress } from "./allowed-addresses";
import { ACCOUNT_IDENTITY_ID, type Identity, type IdentityOwner } from "./identity-types";

export type IdentityInput = { name: string; address: string; replyTo: string; signature: string; isDefault: boolean };

/** Identities are per account, whatever the session: keyed by the signed-in address (or an added
 * account's key). A plain string is the session's own mailbox, whose key is its login. */
type Owner = string | IdentityOwner;
const ownerOf = (o: Owner): IdentityOwner => (typeof o === "string" ? { key: o, login: o } : o);
const accountKey = (account: Owner) => ownerOf(account).key.trim().toLowerCase();

function accountIdentity(account: Owner): Identity {
  return { id: ACCOUNT_IDENTITY_ID, name: "", address: ownerOf(account).login, replyTo: "", signature: "", isDefault: true, verified: true };
}

/** An address is verified by the owner's confirmation, or needs none (allowed-addresses.ts). Read
 * at every listing, so a change of IDENTITY_ALLOWED_ADDRESSES counts at once. */
function isVerified(account: Owner, address: string, verifiedAt: Date | null): boolean {
  return verifiedAt !== null || isPreapprovedAddress(ownerOf(account).login, address, getConfig().IDENTITY_ALLOWED_ADDRESSES);
}

/** The account's identities, the default first; an account with none stored has one: itself. */
export async function listIdentities(account: Owner): Promise<Identity[]> {
  const rows = await getDb().identity.findMany({ where: { account: accountKey(account) }, orderBy: { createdAt: "asc" } });
  if (rows.length === 0) return [accountIdentity(account)];
  const list = rows.map(({ id, name, address, replyTo, signature, isDefault, verifiedAt }) => ({
    id, name, address, replyTo, signature, isDefault, verified: isVerified(account, address, verifiedAt),
  }));
  // Exactly one default, even if the rows disagree (e.g. the default was deleted).
  const def = list.find((i) => i.isDefault) ?? list[0];
  return [def, ...list.filter((i) => i !== def)].map((i) => ({ ...i, isDefault: i === def }));
}

/** The identities that may be used as From, the default first: the verified ones, or the account
 * itself when none is (its login address always may). */
export async function listSendingIdentities(account: Owner): Promise<Identity[]> {
  const usable = (await listIdentities(account)).filter((i) => i.verified);
  if (usable.length === 0) return [accountIdentity(account)];
  return usable.map((i, n) => ({ ...i, isDefault: n === 0 }));
}

/**
 * The identity to send as: this id, or the default usable one when the id is empty or unknown (a
 * stale form).
 * @throws PosternError FORBIDDEN when `id` names an identity whose address is not verified
 */
export async function findIdentity(account: Owner, id: string | null | undefined): Promise<Identity> {
  const named = id ? (await listIdentities(account)).find((i) => i.id === id) : undefined;
  if (named && !named.verified) {
    throw new PosternError("FORBIDDEN", `You have not confirmed that you may send as ${named.address} yet. Open the link mailed to that address, or choose another identity.`);
  }
  return named ?? (await listSendingIdentities(account))[0];
}

/** Adds (no id) or changes an identity. The first one stored becomes the default. */
export async function saveIdentity(account: Owner, id: string | null, input: IdentityInput): Promise<Identity> {
  const db = getDb();
  const key = accountKey(account);
  const count = await db.identity.count({ where: { account: key } });
  const isDefault = input.isDefault || count === 0;
  return db.$transaction(async (tx) => {
    if (isDefault) await tx.identity.updateMany({ where: { account: key }, data: { isDefault: false } });
    if (id) {
      const before = await tx.identity.findFirst({ where: { id, account: key } });
      if (!before) throw new PosternError("NOT_FOUND", "This identity no longer exists.");
      // A confirmation is for one address: a changed address must be confirmed again.
      const sameAddress = before.address.toLowerCase() === input.address.toLowerCase();
      const verifiedAt = sameAddress ? before.verifiedAt : null;
      await tx.identity.update({
        where: { id },
        data: { ...input, isDefault, ...(sameAddress ? {} : { verifiedAt: null, verifyTokenHash: null, verifySentAt: null }) },
      });
      return { id, ...input, isDefault, verified: isVerified(account, input.address, verifiedAt) };
    }
    const created = await tx.identity.create({ data: { id: crypto.randomUUID(), account: key, ...input, isDefault } });
    return { id: created.id, ...input, isDefault, verified: isVerified(account, input.address, null) };
  });
}

/** @throws PosternError NOT_FOUND when the account has no such identity (never someone else's). */
export async function deleteIdentity(account: Owner, id: string): Promise<void> {
  const { count } = await getDb().identity.deleteMany({ where: { id, account: accountKey(account) } });
  if (count === 0) throw new PosternError("NOT_FOUND", "This identity does not exist, or was already deleted. Nothing was changed.");
}
