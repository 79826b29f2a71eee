import { countAccountCheck } from "./account-check-limit";
import { saveAccount } from "./account-store";
import type { MailAccountInput } from "./account-types";
import { verifyAccount } from "./verify-account";

/**
 * Adds another mailbox for `owner` once a real IMAP login and SMTP AUTH worked; nothing is
 * stored when either fails.
 * @throws PosternError RATE_LIMITED | CONFLICT, and what verifyAccount throws
 */
export async function addAccount(owner: string, input: MailAccountInput, clientIp: string | null): Promise<string> {
  await countAccountCheck(owner);
  await verifyAccount({ imap: input.imap, smtp: input.smtp, credentials: { user: input.user, pass: input.pass }, clientIp });
  return saveAccount(owner, input);
}
