import crypto from "node:crypto";

export type MailCredentials = { user: string; pass: string };

const VERSION = "v1";

/**
 * Encrypts credentials with AES-256-GCM. `context` (the session id) is bound as associated data,
 * so a ciphertext copied into another session's row does not decrypt.
 */
export function encryptCredentials(creds: MailCredentials, key: Buffer, context: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(context));
  const body = Buffer.concat([cipher.update(JSON.stringify(creds), "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(".");
}

/** @throws Error when the ciphertext was tampered with, or the key or context differ. */
export function decryptCredentials(sealed: string, key: Buffer, context: string): MailCredentials {
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || !body) throw new Error("Unknown credentials format");
  const decipher = crypto.createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAAD(Buffer.from(context));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  const text = Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  const parsed = JSON.parse(text) as MailCredentials;
  if (typeof parsed.user !== "string" || typeof parsed.pass !== "string") throw new Error("Bad credentials payload");
  return parsed;
}
