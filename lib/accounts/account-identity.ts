import type { ImapIdentity } from "@/lib/imap/session-pool";
import { getAccount, openAccounts, type MailAccount } from "./account-store";

// kept importable from here for the routes that read both; client code imports account-param.ts
export { ACCOUNT_HEADER, ACCOUNT_PARAM, requestedAccount } from "./account-param";

type SessionLike = { id: string; email: string; clientIp: string | null };

function toIdentity(session: SessionLike, account: MailAccount): ImapIdentity & { label: string } {
  return {
    sessionId: session.id,
    credentials: account.credentials,
    clientIp: session.clientIp,
    account: { id: account.id, server: account.imap, smtp: account.smtp },
    label: account.label,
  };
}

/** Every added account of the session's user as an IMAP identity (the unified inbox). */
export async function accountIdentities(session: SessionLike): Promise<(ImapIdentity & { label: string })[]> {
  return (await openAccounts(session.email)).map((a) => toIdentity(session, a));
}

/**
 * The IMAP identity of one of the session's added accounts: its credentials decrypted from the
 * database for this request only (any process can serve it), its pool entry its own.
 * @throws PosternError NOT_FOUND (not an account of this user)
 */
export async function accountIdentity(session: SessionLike, accountId: string): Promise<ImapIdentity & { label: string }> {
  return toIdentity(session, await getAccount(session.email, accountId));
}
