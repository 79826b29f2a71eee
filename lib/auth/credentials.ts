import crypto from "node:crypto";

export type MailCredentials = { user: string; pass: string };

const VERSION = "v1";

/** AES-256-GCM of a short text for a database column, `context` bound as associated data. Also
 * used for other server-sealed values (e.g. a read link's subject in the sender's Receipts). */
export function encryptText(plain: string, key: Buffer, context: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(context));
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(".");
}

/** @throws Error when the ciphertext was tampered with, or the key or context differ. */
export function decryptText(sealed: string, key: Buffer, context: string): string {
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || body === undefined) throw new Error("Unknown ciphertext format");
  const decipher = crypto.createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAAD(Buffer.from(context));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
}

/**
 * Encrypts credentials with AES-256-GCM. `context` (the session id) is bound as associated data,
 * so a ciphertext copied into another session's row does not decrypt.
 */
export function encryptCredentials(creds: MailCredentials, key: Buffer, context: string): string {
  return encryptText(JSON.stringify(creds), key, context);
}

/** @throws Error when the ciphertext was tampered with, or the key or context differ. */
export function decryptCredentials(sealed: string, key: Buffer, context: string): MailCredentials {
  const text = decryptText(sealed, key, context);
  const parsed = JSON.parse(text) as MailCredentials;
  if (typeof parsed.user !== "string" || typeof parsed.pass !== "string") throw new Error("Bad credentials payload");
  return parsed;
}
