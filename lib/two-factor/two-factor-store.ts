// An account's TOTP secret, its recovery codes, and using either. Every "only once" is decided by
// one conditional write in the database, so two processes checking the same code at the same
// moment accept it once.
import { decryptText, encryptText } from "@/lib/auth/credentials";
import { deriveKey } from "@/lib/auth/secret-key";
import { getDb } from "@/lib/db/client";
import { countPasskeys } from "@/lib/passkeys/passkey-store";
import { hashRecoveryCode, looksLikeRecoveryCode, newRecoveryCodes } from "./recovery-codes";
import { acceptableTotpStep, matchTotpStep, newTotpSecret } from "./totp";

const accountKey = (account: string) => account.trim().toLowerCase();
const secretKey = () => deriveKey("totp-secret");
const recoveryKey = () => deriveKey("recovery-codes");

export type TwoFactorStatus = { enabled: boolean; recoveryCodesLeft: number };

export type SecondFactorResult = { ok: true; method: "totp" } | { ok: true; method: "recovery"; remaining: number } | { ok: false };

export async function twoFactorStatus(account: string): Promise<TwoFactorStatus> {
  const key = accountKey(account);
  const [row, recoveryCodesLeft] = await Promise.all([
    getDb().twoFactor.findUnique({ where: { account: key }, select: { enabledAt: true } }),
    getDb().recoveryCode.count({ where: { account: key } }),
  ]);
  return { enabled: Boolean(row?.enabledAt), recoveryCodesLeft };
}

/**
 * The secret of an enrolment in progress (made now, or the one already waiting, so a reload shows
 * the same QR code). Null when TOTP is already on: turning it off comes first.
 */
export async function pendingEnrolmentSecret(account: string): Promise<string | null> {
  const key = accountKey(account);
  const db = getDb();
  const row = await db.twoFactor.findUnique({ where: { account: key } });
  if (row?.enabledAt) return null;
  if (row) {
    try {
      return decryptText(row.secret, secretKey(), key);
    } catch {
      // the master key changed: start over with a new secret
    }
  }
  const secret = newTotpSecret();
  const sealed = encryptText(secret, secretKey(), key);
  await db.twoFactor.upsert({ where: { account: key }, create: { account: key, secret: sealed }, update: { secret: sealed, lastStep: 0 } });
  return secret;
}

/** Turns TOTP on when `code` is the pending secret's (its step then counts as used). */
export async function confirmEnrolment(account: string, code: string, now = new Date()): Promise<boolean> {
  const key = accountKey(account);
  const secret = await pendingEnrolmentSecret(key);
  const step = secret ? matchTotpStep(secret, code, now) : null;
  if (step === null) return false;
  const done = await getDb().twoFactor.updateMany({ where: { account: key, enabledAt: null }, data: { enabledAt: now, lastStep: step } });
  return done.count === 1;
}

/** Replaces the account's recovery codes with ten new ones, returned to be shown once. */
export async function regenerateRecoveryCodes(account: string): Promise<string[]> {
  const key = accountKey(account);
  const codes = newRecoveryCodes();
  const hashKey = recoveryKey();
  await getDb().$transaction([
    getDb().recoveryCode.deleteMany({ where: { account: key } }),
    getDb().recoveryCode.createMany({ data: codes.map((c) => ({ account: key, hash: hashRecoveryCode(key, c, hashKey) })) }),
  ]);
  return codes;
}

/** TOTP off: the secret is deleted, and the recovery codes too unless a passkey still needs them. */
export async function disableTwoFactor(account: string): Promise<void> {
  const key = accountKey(account);
  await getDb().twoFactor.deleteMany({ where: { account: key } });
  await forgetRecoveryCodesIfUnused(key);
}

/** Recovery codes stand in for a second factor: with neither TOTP nor a passkey left they go. */
export async function forgetRecoveryCodesIfUnused(account: string): Promise<void> {
  const key = accountKey(account);
  const [totp, passkeys] = await Promise.all([getDb().twoFactor.count({ where: { account: key, enabledAt: { not: null } } }), countPasskeys(key)]);
  if (totp === 0 && passkeys === 0) await getDb().recoveryCode.deleteMany({ where: { account: key } });
}

/** Checks a TOTP code (a step newer than the last one used) or a recovery code (deleted on use). */
export async function useSecondFactor(account: string, typed: string, now = new Date()): Promise<SecondFactorResult> {
  const key = accountKey(account);
  const db = getDb();
  if (looksLikeRecoveryCode(typed)) {
    const used = await db.recoveryCode.deleteMany({ where: { account: key, hash: hashRecoveryCode(key, typed, recoveryKey()) } });
    if (used.count !== 1) return { ok: false };
    return { ok: true, method: "recovery", remaining: await db.recoveryCode.count({ where: { account: key } }) };
  }
  const row = await db.twoFactor.findUnique({ where: { account: key } });
  if (!row?.enabledAt) return { ok: false };
  let secret: string;
  try {
    secret = decryptText(row.secret, secretKey(), key);
  } catch {
    return { ok: false };
  }
  const step = acceptableTotpStep(secret, typed, row.lastStep, now);
  if (step === null) return { ok: false };
  // Accepted only if no other request has used this step (or a later one) meanwhile.
  const won = await db.twoFactor.updateMany({ where: { account: key, lastStep: { lt: step } }, data: { lastStep: step } });
  return won.count === 1 ? { ok: true, method: "totp" } : { ok: false };
}
