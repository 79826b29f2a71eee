// AES-256-GCM sealing of a read link's content with WebCrypto, so the server (which encrypts at
// send time) and the browser (which decrypts at reveal time) run this same code. Layout:
// iv (12 bytes) || ciphertext || tag (16 bytes), which is what WebCrypto's AES-GCM produces and
// expects after the iv.
import { fromBase64Url, toBase64Url } from "./base64url";

const IV_BYTES = 12;
export const KEY_BYTES = 32;

/** What a sealed blob is for, bound as associated data: a sealed subject cannot be passed off as
 * the message, or the other way round. */
export type SealPurpose = "message" | "subject";
const aad = (purpose: SealPurpose) => new TextEncoder().encode(`postern:read-link:v1:${purpose}`);

/** A fresh random 256-bit key (CSPRNG), as it goes into the link fragment. */
export function newLinkKey(): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(KEY_BYTES)));
}

/** The key from a link fragment, or null when it is not one (truncated, mistyped). */
export function readLinkKey(text: string): Uint8Array | null {
  try {
    const key = fromBase64Url(text);
    return key.length === KEY_BYTES ? key : null;
  } catch {
    return null;
  }
}

// Copies into a fresh ArrayBuffer: WebCrypto's types refuse views over a SharedArrayBuffer.
const buffer = (b: Uint8Array): ArrayBuffer => b.slice().buffer as ArrayBuffer;

function importKey(key: Uint8Array, use: "encrypt" | "decrypt"): Promise<CryptoKey> {
  return crypto.subtle.importKey("raw", buffer(key), { name: "AES-GCM" }, false, [use]);
}

export async function seal(plain: Uint8Array, key: Uint8Array, purpose: SealPurpose): Promise<Uint8Array<ArrayBuffer>> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const body = await crypto.subtle.encrypt({ name: "AES-GCM", iv, additionalData: aad(purpose) }, await importKey(key, "encrypt"), buffer(plain));
  const out = new Uint8Array(IV_BYTES + body.byteLength);
  out.set(iv, 0);
  out.set(new Uint8Array(body), IV_BYTES);
  return out;
}

/** @throws Error when the key is wrong or the blob was altered (GCM authentication fails). */
export async function unseal(sealed: Uint8Array, key: Uint8Array, purpose: SealPurpose): Promise<Uint8Array<ArrayBuffer>> {
  if (sealed.length < IV_BYTES + 16) throw new Error("sealed data too short");
  const iv = sealed.slice(0, IV_BYTES);
  const body = sealed.slice(IV_BYTES);
  return new Uint8Array(await crypto.subtle.decrypt({ name: "AES-GCM", iv, additionalData: aad(purpose) }, await importKey(key, "decrypt"), buffer(body)));
}
