// Short-lived state the server hands itself through a browser cookie or another request: JSON,
// AES-256-GCM under a key of its own purpose (credentials.ts's scheme), with an expiry inside the
// ciphertext. The browser can neither read it nor change it.
import { decryptText, encryptText } from "./credentials";
import { deriveKey } from "./secret-key";

export function sealTicket<T extends object>(purpose: string, payload: T, ttlMs: number, now = new Date(), key = deriveKey(`ticket:${purpose}`)): string {
  return encryptText(JSON.stringify({ ...payload, exp: now.getTime() + ttlMs }), key, purpose);
}

/** The payload, or null when the ticket is expired, tampered with, or for another purpose. */
export function openTicket<T extends object>(purpose: string, sealed: string | null | undefined, now = new Date(), key = deriveKey(`ticket:${purpose}`)): T | null {
  if (!sealed || sealed.length > 4096) return null;
  try {
    const { exp, ...payload } = JSON.parse(decryptText(sealed, key, purpose)) as T & { exp: number };
    return typeof exp === "number" && exp > now.getTime() ? (payload as T) : null;
  } catch {
    return null;
  }
}
