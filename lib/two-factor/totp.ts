// TOTP (RFC 6238) through otpauth: SHA-1, 6 digits, 30-second steps, what every authenticator app
// accepts. A code is matched to its time step, so the caller can refuse a step already used.
import { Secret, TOTP } from "otpauth";

export const TOTP_PERIOD_S = 30;
/** Steps either side of now a code may come from: a phone clock a little off, a slow typist. */
export const TOTP_WINDOW = 1;
const ISSUER = "Postern";

const totpFor = (secretBase32: string, account = "") =>
  new TOTP({ issuer: ISSUER, label: account, algorithm: "SHA1", digits: 6, period: TOTP_PERIOD_S, secret: Secret.fromBase32(secretBase32) });

/** A fresh 160-bit secret (RFC 4226's recommended length), base32 as apps take it. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// URI an app scans from the QR code. */
export function totpUri(account: string, secretBase32: string): string {
  return totpFor(secretBase32, account).toString();
}

/** The time step of `at`. */
export function totpStep(at: Date): number {
  return Math.floor(at.getTime() / 1000 / TOTP_PERIOD_S);
}

/** The time step whose code `code` is, within the window around `now`; null when none. */
export function matchTotpStep(secretBase32: string, code: string, now: Date): number | null {
  const token = code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totpFor(secretBase32).validate({ token, timestamp: now.getTime(), window: TOTP_WINDOW });
  return delta === null ? null : totpStep(now) + delta;
}

/** The step a code may be accepted for: a match newer than the last accepted step, so no code
 * (nor an older one) ever works twice. */
export function acceptableTotpStep(secretBase32: string, code: string, lastStep: number, now: Date): number | null {
  const step = matchTotpStep(secretBase32, code, now);
  return step !== null && step > lastStep ? step : null;
}

/** The code of a given moment (tests, and nothing else, need to compute one). */
export function totpCodeAt(secretBase32: string, at: Date): string {
  return totpFor(secretBase32).generate({ timestamp: at.getTime() });
}
