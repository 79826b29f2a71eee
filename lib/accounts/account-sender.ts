import { isValidAddress } from "@/lib/compose/parse-addresses";
import { PosternError } from "@/lib/http/errors";
import type { Identity } from "@/lib/identities/identity-types";

/**
 * The one address an added account sends as when it has no identities of its own: its login,
 * which for nearly every provider is the mailbox's address.
 * @throws PosternError BAD_REQUEST (the login is not an address)
 */
export function accountSender(user: string): Identity {
  return sendableIdentities([{ id: "account", name: "", address: user, replyTo: "", signature: "", isDefault: true, verified: true }])[0];
}

/**
 * An added account's identities that can be a From: those with an address (its implicit identity
 * is its login, which at some providers is a bare user name).
 * @throws PosternError BAD_REQUEST when none is left
 */
export function sendableIdentities(identities: Identity[]): Identity[] {
  const usable = identities.filter((i) => isValidAddress(i.address));
  if (usable.length === 0) {
    const login = identities[0]?.address ?? "";
    throw new PosternError("BAD_REQUEST", `This account signs in as “${login}”, which is not an email address, so Postern cannot tell what to send as. Add an identity for it under Settings, Other accounts.`);
  }
  return usable;
}
