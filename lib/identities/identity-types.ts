// Types only: the composer (a client component) imports this file.

/** An address the user sends as. `id` is "account" for the implicit identity of an account that
 * has none stored (its own address, no name, no signature). */
export type Identity = {
  id: string;
  name: string;
  address: string;
  replyTo: string;
  signature: string;
  isDefault: boolean;
  /** Whether it may be sent as: the login address, one the admin allows, or one whose owner
   * confirmed it by the link mailed to it (lib/identities/identity-verification.ts). */
  verified: boolean;
};

export const ACCOUNT_IDENTITY_ID = "account";

/** Whose identities these are: `key` is what they are stored under (the signed-in address, or an
 * added account's key, lib/accounts/mailbox-owner.ts), `login` the address that mailbox signs in
 * as, which it may always send as. */
export type IdentityOwner = { key: string; login: string };
