// Signing in with a passkey: as the second step of an account whose password was just checked
// (its passkeys are offered), or passkey-first (the browser offers whichever passkey it holds for
// Postern, and the passkey names the account).
import { generateAuthenticationOptions, verifyAuthenticationResponse, type AuthenticationResponseJSON, type PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";
import { PosternError } from "@/lib/http/errors";
import { consumeChallenge, storeChallenge } from "./challenge-store";
import { accountKey, findPasskey, passkeyCredentials, recordPasskeyUse } from "./passkey-store";
import type { RelyingParty } from "./relying-party";

/** `account`: the second step's account (only its passkeys are asked for); null: passkey-first. */
export async function passkeySignInOptions(account: string | null, rp: RelyingParty): Promise<{ challengeId: string; options: PublicKeyCredentialRequestOptionsJSON }> {
  const allowCredentials = account ? await passkeyCredentials(account) : undefined;
  if (account && allowCredentials?.length === 0) throw PosternError.detailed("NOT_FOUND", "noPasskey");
  const options = await generateAuthenticationOptions({ rpID: rp.rpID, allowCredentials, userVerification: "preferred" });
  const challengeId = await storeChallenge({
    challenge: options.challenge,
    purpose: account ? "second-step" : "passkey-first",
    account: account ? accountKey(account) : null,
  });
  return { challengeId, options };
}


/**
 * Checks a passkey's answer to the challenge `challengeId`; returns the account it belongs to.
 * With `account` (the second step) the passkey must be that account's.
 * @throws PosternError INVALID_CREDENTIALS (unknown passkey, another account's, a bad signature,
 * a counter that went backwards, an expired or used challenge)
 */
export async function verifyPasskeySignIn(input: { account: string | null; rp: RelyingParty; challengeId: string; response: AuthenticationResponseJSON }, now = new Date()): Promise<string> {
  const challenge = await consumeChallenge({
    id: input.challengeId,
    purpose: input.account ? "second-step" : "passkey-first",
    account: input.account ? accountKey(input.account) : null,
  }, now);
  if (!challenge) throw PosternError.detailed("INVALID_CREDENTIALS", "passkeyExpired");
  const passkey = await findPasskey(input.response.id);
  if (!passkey || (input.account && passkey.account !== accountKey(input.account))) throw PosternError.detailed("INVALID_CREDENTIALS", "passkeyRefused");
  let verified;
  try {
    verified = await verifyAuthenticationResponse({
      response: input.response,
      expectedChallenge: challenge,
      expectedOrigin: input.rp.origin,
      expectedRPID: input.rp.rpID,
      credential: { id: passkey.id, publicKey: passkey.publicKey as Uint8Array<ArrayBuffer>, counter: passkey.counter, transports: passkey.transports },
      requireUserVerification: false,
    });
  } catch {
    // Includes a counter that did not move past the stored one: a cloned authenticator.
    verified = null;
  }
  if (!verified?.verified) throw PosternError.detailed("INVALID_CREDENTIALS", "passkeyRefused");
  const recorded = await recordPasskeyUse({ id: passkey.id, seenCounter: passkey.counter, newCounter: verified.authenticationInfo.newCounter }, now);
  if (!recorded) throw PosternError.detailed("INVALID_CREDENTIALS", "passkeyRefused");
  return passkey.account;
}
