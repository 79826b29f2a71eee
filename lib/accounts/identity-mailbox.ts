import type { MailCredentials } from "@/lib/auth/credentials";
import type { IdentityOwner } from "@/lib/identities/identity-types";
import type { Submit } from "@/lib/smtp/send-message";
import { accountSubmit } from "./account-submit";
import { getAccount, listAccounts } from "./account-store";
import { mailAccountKey } from "./mailbox-owner";

/** The mailbox whose identities are edited: whose they are, and how a confirmation link for one
 * is mailed (from its login, over its own server for an added account). */
export type IdentityMailbox = {
  owner: IdentityOwner;
  label: string | null;
  mailer: { credentials: MailCredentials; from?: string; submit?: Submit };
};

type SessionLike = { email: string; credentials: MailCredentials };

/**
 * The user's own mailbox (`accountId` null), or one of their added accounts (issue 22).
 * @throws PosternError NOT_FOUND (not an account of this user)
 */
export async function identityMailbox(session: SessionLike, accountId: string | null): Promise<IdentityMailbox> {
  if (!accountId) return { owner: { key: session.email, login: session.email }, label: null, mailer: { credentials: session.credentials } };
  const account = await getAccount(session.email, accountId);
  return {
    owner: { key: mailAccountKey(session.email, account.id), login: account.credentials.user },
    label: account.label,
    mailer: { credentials: account.credentials, from: account.credentials.user, submit: accountSubmit(account.smtp) },
  };
}

/** Every key the user's identities are stored under, their own and each added account's: a
 * confirmation link is good for any of them, never for another user's. */
export async function identityKeysOf(owner: string): Promise<string[]> {
  return [owner, ...(await listAccounts(owner)).map((a) => mailAccountKey(owner, a.id))];
}
