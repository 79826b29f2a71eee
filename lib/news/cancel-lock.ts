import crypto from "node:crypto";

// Cancel-Lock (RFC 8315): a post carries the hash of a secret key; only whoever knows the key can
// cancel it. News servers (INN's default `docancels: require-auth`) honour only such cancels, so
// without it "cancel my article" would be accepted and then silently not done. The key is derived
// from Postern's master key, the account and the Message-ID: nothing to store, and no one else
// (not even another Postern account) can produce it.

/** The Cancel-Key value for an article (RFC 8315 4: HMAC-SHA256 of the Message-ID and user). */
export function cancelKey(secret: Buffer, opts: { messageId: string; account: string }): string {
  const mid = `<${opts.messageId.replace(/^<|>$/g, "")}>`;
  const key = crypto.createHmac("sha256", secret).update(mid + opts.account.trim().toLowerCase()).digest("base64");
  return `sha256:${key}`;
}

/** The Cancel-Lock value that `key` (a Cancel-Key value) opens: the hash of the key's base64 text. */
export function cancelLock(key: string): string {
  const text = key.replace(/^sha256:/, "");
  return `sha256:${crypto.createHash("sha256").update(text, "ascii").digest("base64")}`;
}
