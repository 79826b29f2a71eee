import crypto from "node:crypto";

/** 128 bits from the CSPRNG, base64url (22 characters): the secret path segment of a link. */
export function newLinkToken(): string {
  return crypto.randomBytes(16).toString("base64url");
}

/** A non-secret receipt id (128 bits): names a link to its sender without opening it. */
export function newReceiptId(): string {
  return crypto.randomBytes(16).toString("base64url");
}

/** What could be a link token: anything else is refused before it reaches the database. */
export function isLinkToken(text: string): boolean {
  return /^[A-Za-z0-9_-]{22}$/.test(text);
}

/**
 * The database holds SHA-256 of the token, and looks rows up by it. The index search then
 * compares hashes, never the token itself, so its timing says nothing about how close a guess
 * was (the constant-time lookup the issue asks for), and a leaked database holds no working link.
 */
export function hashLinkToken(token: string): string {
  return crypto.createHash("sha256").update(token, "utf8").digest("hex");
}
