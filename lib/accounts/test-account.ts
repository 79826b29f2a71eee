import { countAccountCheck } from "./account-check-limit";
import { getAccount, type MailAccount } from "./account-store";
import { verifyAccount } from "./verify-account";

/** Checks a stored account again (a password changed elsewhere, a server moved).
 * @throws PosternError NOT_FOUND | RATE_LIMITED, and what verifyAccount throws */
export async function testAccount(owner: string, id: string, clientIp: string | null): Promise<MailAccount> {
  const account = await getAccount(owner, id);
  await countAccountCheck(owner);
  await verifyAccount({ imap: account.imap, smtp: account.smtp, credentials: account.credentials, clientIp });
  return account;
}
