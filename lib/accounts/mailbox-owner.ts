import type { IdentityOwner } from "@/lib/identities/identity-types";

type SessionLike = { email: string };
type MailboxLike = { credentials: { user: string }; account?: { id: string } };

/**
 * What an added account's identities and settings are stored under, in the columns that hold the
 * signed-in address for the user's own mailbox: the owner and the account's id with a line break
 * between, which no address holds, so they never meet the rows of an address (the account's login
 * signed in to Postern itself) or of another owner. Lower case, as those columns are kept; the id
 * is random and unique among one owner's ten accounts in either case.
 */
export function mailAccountKey(owner: string, accountId: string): string {
  return `${owner.trim().toLowerCase()}\n${accountId.toLowerCase()}`;
}

/** Whose identities apply to a mailbox: the session's own, or the added account's, which may
 * always send as its login. */
export function identityOwnerOf(session: SessionLike, mailbox?: MailboxLike): IdentityOwner {
  if (!mailbox?.account) return { key: session.email, login: session.email };
  return { key: mailAccountKey(session.email, mailbox.account.id), login: mailbox.credentials.user };
}

/** Where a mailbox's settings are read, first key that has one: an added account's own, then the
 * user's (an account never set apart follows the user's choice). */
export function settingKeysOf(session: SessionLike, mailbox?: MailboxLike): string[] {
  return mailbox?.account ? [mailAccountKey(session.email, mailbox.account.id), session.email] : [session.email];
}
