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

/** AES-256-GCM of bytes for a BLOB column (iv || ciphertext || tag), `context` bound as
 * associated data: large values (a queued message) that would double in size as text. */
export function encryptBytes(plain: Uint8Array, key: Buffer, context: string): Buffer {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(context));
  return Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
}

/** @throws Error when the ciphertext was tampered with, or the key or context differ. */
export function decryptBytes(sealed: Uint8Array, key: Buffer, context: string): Buffer {
  const buf = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  if (buf.length < 28) throw new Error("Ciphertext too short");
  const decipher = crypto.createDecipheriv("aes-256-gcm", key, buf.subarray(0, 12));
  decipher.setAAD(Buffer.from(context));
  decipher.setAuthTag(buf.subarray(buf.length - 16));
  return Buffer.concat([decipher.update(buf.subarray(12, buf.length - 16)), decipher.final()]);
}
