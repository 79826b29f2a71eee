// OWASP's device cookies (Slow Down Online Guessing Attacks with Device Cookies): a browser that
// signed in to an account keeps a signed mark of it, and its later sign-ins to that account are
// throttled by that mark alone, not by the per-address limits that a guesser elsewhere (or behind
// the same NAT) trips. The mark says only "this browser signed in to this account before"; it
// grants nothing: the password (and the second factor) are still asked. One cookie holds the marks
// of the last few accounts signed in from the browser.
import crypto from "node:crypto";
import { deriveKey } from "./secret-key";

/** How long a browser stays known without signing in again. */
export const DEVICE_COOKIE_TTL_MS = 90 * 24 * 3600_000;
/** Accounts remembered per browser (a shared family computer, a few work mailboxes). */
const MAX_ENTRIES = 5;
const MAX_COOKIE_LENGTH = 2048;

const accountKey = (account: string) => account.trim().toLowerCase();

function mac(account: string, nonce: string, issued: number, key: Buffer): string {
  return crypto.createHmac("sha256", key).update(`${accountKey(account)}\n${nonce}\n${issued}`).digest().subarray(0, 18).toString("base64url");
}

type Entry = { account: string; nonce: string; issued: number; raw: string };

function parseEntries(value: string | null | undefined, key: Buffer, now: number): Entry[] {
  if (!value || value.length > MAX_COOKIE_LENGTH) return [];
  return value.split("~").flatMap((raw) => {
    const [acc, nonce, issuedText, sig] = raw.split(".");
    const issued = Number(issuedText);
    if (!acc || !nonce || !sig || !Number.isSafeInteger(issued)) return [];
    const account = Buffer.from(acc, "base64url").toString("utf8");
    const want = Buffer.from(mac(account, nonce, issued, key));
    const got = Buffer.from(sig);
    if (got.length !== want.length || !crypto.timingSafeEqual(got, want)) return [];
    if (issued * 1000 + DEVICE_COOKIE_TTL_MS <= now || issued * 1000 > now + 60_000) return [];
    return [{ account, nonce, issued, raw }];
  });
}

/** The device id this browser's cookie vouches for at `account`, or null (none, forged, expired). */
export function knownDevice(value: string | null | undefined, account: string, now = Date.now(), key = deriveKey("device-cookie")): string | null {
  return parseEntries(value, key, now).find((e) => e.account === accountKey(account))?.nonce ?? null;
}

/** The cookie's next value after a successful sign-in to `account`: a fresh mark for it first,
 * the other accounts' valid marks after it. */
export function rememberDevice(value: string | null | undefined, account: string, now = Date.now(), key = deriveKey("device-cookie")): string {
  const issued = Math.floor(now / 1000);
  const nonce = crypto.randomBytes(12).toString("base64url");
  const fresh = `${Buffer.from(accountKey(account)).toString("base64url")}.${nonce}.${issued}.${mac(account, nonce, issued, key)}`;
  const others = parseEntries(value, key, now).filter((e) => e.account !== accountKey(account));
  return [fresh, ...others.map((e) => e.raw)].slice(0, MAX_ENTRIES).join("~");
}

/** A cookie's value from a Cookie request header (Auth.js's authorize sees only the header). */
export function cookieFromHeader(header: string | null | undefined, name: string): string | null {
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}
