// WebAuthn challenges in the shared database: the process that checks the answer need not be the
// one that asked. Each is consumed by one delete, so two requests answering the same challenge
// (a replay, or two processes at once) get it once; an expired one is never handed back.
import crypto from "node:crypto";
import { getDb } from "@/lib/db/client";

/** What a challenge was made for: a new passkey, the second step, or passkey-first sign-in. */
export type ChallengePurpose = "register" | "second-step" | "passkey-first";

/** As long as the browser's own WebAuthn prompt waits (the options' timeout), and a little more. */
export const CHALLENGE_TTL_MS = 5 * 60_000;

export async function storeChallenge(input: { challenge: string; purpose: ChallengePurpose; account: string | null }, now = new Date()): Promise<string> {
  const id = crypto.randomBytes(18).toString("base64url");
  const db = getDb();
  // Abandoned challenges go as new ones come: the table stays as small as the traffic of minutes.
  await db.webAuthnChallenge.deleteMany({ where: { expiresAt: { lt: now } } });
  await db.webAuthnChallenge.create({ data: { id, ...input, expiresAt: new Date(now.getTime() + CHALLENGE_TTL_MS) } });
  return id;
}

/** The challenge `id` made for `purpose` (and `account`, when one was named), used up; null if
 * unknown, expired, for another purpose or account, or already used. */
export async function consumeChallenge(input: { id: string; purpose: ChallengePurpose; account: string | null }, now = new Date()): Promise<string | null> {
  const db = getDb();
  const row = await db.webAuthnChallenge.findUnique({ where: { id: input.id } });
  if (!row) return null;
  const used = await db.webAuthnChallenge.deleteMany({ where: { id: input.id } });
  if (used.count !== 1) return null;
  if (row.expiresAt <= now || row.purpose !== input.purpose || row.account !== input.account) return null;
  return row.challenge;
}
