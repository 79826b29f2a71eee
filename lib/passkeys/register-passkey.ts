// Adding a passkey to a signed-in account: options with a stored challenge, then the browser's
// answer checked against it (@simplewebauthn/server does the WebAuthn and COSE work).
import crypto from "node:crypto";
import { generateRegistrationOptions, verifyRegistrationResponse, type PublicKeyCredentialCreationOptionsJSON, type RegistrationResponseJSON } from "@simplewebauthn/server";
import { deriveKey } from "@/lib/auth/secret-key";
import { PosternError } from "@/lib/http/errors";
import { consumeChallenge, storeChallenge } from "./challenge-store";
import { accountKey, addPasskey, countPasskeys, passkeyCredentials } from "./passkey-store";
import type { RelyingParty } from "./relying-party";

/** Enough for a person's phones, laptops and keys; bounds the allow-list sent at sign-in. */
export const MAX_PASSKEYS = 20;

/** The WebAuthn user handle: stable per account, and not the address itself (the authenticator
 * may show or sync it). */
function userHandle(account: string): Uint8Array {
  return new Uint8Array(crypto.createHmac("sha256", deriveKey("webauthn-user")).update(accountKey(account)).digest());
}

export async function passkeyRegistrationOptions(account: string, rp: RelyingParty): Promise<{ challengeId: string; options: PublicKeyCredentialCreationOptionsJSON }> {
  if ((await countPasskeys(account)) >= MAX_PASSKEYS) throw new PosternError("CONFLICT", `An account can have at most ${MAX_PASSKEYS} passkeys. Remove one first.`);
  const options = await generateRegistrationOptions({
    rpName: rp.rpName,
    rpID: rp.rpID,
    userName: accountKey(account),
    userID: userHandle(account) as Uint8Array<ArrayBuffer>,
    attestationType: "none",
    excludeCredentials: await passkeyCredentials(account),
    // Discoverable where the authenticator can (passkey-first sign-in needs it); a plain security
    // key without a PIN still works as a second factor.
    authenticatorSelection: { residentKey: "preferred", userVerification: "preferred" },
  });
  const challengeId = await storeChallenge({ challenge: options.challenge, purpose: "register", account: accountKey(account) });
  return { challengeId, options };
}

/**
 * Checks the browser's answer to a registration challenge and stores the new passkey.
 * @throws PosternError BAD_REQUEST (expired or used challenge, or an answer that does not verify)
 */
export async function finishPasskeyRegistration(input: { account: string; rp: RelyingParty; challengeId: string; name: string; response: RegistrationResponseJSON }): Promise<void> {
  const challenge = await consumeChallenge({ id: input.challengeId, purpose: "register", account: accountKey(input.account) });
  if (!challenge) throw new PosternError("BAD_REQUEST", "The passkey request expired. Please try again.");
  let verified;
  try {
    verified = await verifyRegistrationResponse({
      response: input.response,
      expectedChallenge: challenge,
      expectedOrigin: input.rp.origin,
      expectedRPID: input.rp.rpID,
      requireUserVerification: false,
    });
  } catch {
    verified = null;
  }
  if (!verified?.verified) throw new PosternError("BAD_REQUEST", "The passkey could not be checked. Please try again.");
  const { credential } = verified.registrationInfo;
  await addPasskey({
    account: input.account,
    id: credential.id,
    name: input.name,
    publicKey: credential.publicKey,
    counter: credential.counter,
    transports: credential.transports ?? [],
  });
}
