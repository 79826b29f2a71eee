// Recovery codes: ten random single-use codes, shown once, kept only as keyed hashes (HMAC under
// a key that never enters the database, bound to the account), so a database leak yields none.
import crypto from "node:crypto";

export const RECOVERY_CODE_COUNT = 10;
/** No 0/o, 1/l/i: codes are typed from paper. 31 symbols, 10 of them: about 50 bits each. */
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** "abcde-fghjk" */
export function newRecoveryCode(): string {
  const chars = Array.from({ length: 10 }, () => ALPHABET[crypto.randomInt(ALPHABET.length)]);
  return `${chars.slice(0, 5).join("")}-${chars.slice(5).join("")}`;
}

export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
}

/** What the user typed, as generated: case, spaces and dashes do not matter. */
export function normalizeRecoveryCode(typed: string): string {
  return typed.toLowerCase().replace(/[\s-]+/g, "");
}

export function looksLikeRecoveryCode(typed: string): boolean {
  return new RegExp(`^[${ALPHABET}]{10}$`).test(normalizeRecoveryCode(typed));
}

export function hashRecoveryCode(account: string, code: string, key: Buffer): string {
  return crypto.createHmac("sha256", key).update(`${account.toLowerCase()}\n${normalizeRecoveryCode(code)}`).digest("base64url");
}
