// Between the password step and the second factor nothing of the sign-in is stored: the browser
// holds it, sealed (sealed-ticket.ts), in a short-lived HttpOnly cookie (auth-cookies.ts), which
// survives a reload. Once the second factor is passed, a one-minute ticket lets Auth.js's
// authorize (auth.ts) open the session without the password form; it never leaves the server.
import type { SecondStep } from "@/lib/two-factor/second-step";
import { openTicket, sealTicket } from "./sealed-ticket";

export type PendingSignIn = { email: string; pass: string; step: SecondStep; next: string | null };
export type PassedSignIn = { email: string; pass: string };
/** Passkey-first: the passkey named and proved the account; its password is still to come, and
 * then no other second factor is asked. Holds no secret. */
export type PasskeyFirst = { email: string; next: string | null };

export const PENDING_SIGN_IN_TTL_MS = 10 * 60_000;
const PASSED_TTL_MS = 60_000;

export const sealPendingSignIn = (p: PendingSignIn, now?: Date) => sealTicket("pending-sign-in", p, PENDING_SIGN_IN_TTL_MS, now);
export const openPendingSignIn = (sealed: string | null | undefined, now?: Date) => openTicket<PendingSignIn>("pending-sign-in", sealed, now);
export const sealPassedSignIn = (p: PassedSignIn, now?: Date) => sealTicket("passed-sign-in", p, PASSED_TTL_MS, now);
export const openPassedSignIn = (sealed: string | null | undefined, now?: Date) => openTicket<PassedSignIn>("passed-sign-in", sealed, now);
export const sealPasskeyFirst = (p: PasskeyFirst, now?: Date) => sealTicket("passkey-first", p, PENDING_SIGN_IN_TTL_MS, now);
export const openPasskeyFirst = (sealed: string | null | undefined, now?: Date) => openTicket<PasskeyFirst>("passkey-first", sealed, now);
