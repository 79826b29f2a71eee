import { ImapFlow } from "imapflow";
import nodemailer from "nodemailer";
import type { MailCredentials } from "@/lib/auth/credentials";
import type { UserHostOptions } from "@/lib/net/user-host";
import { toImapCheckError, toSmtpCheckError } from "./account-check-error";
import { accountImapOptions, accountSmtpOptions } from "./server-options";
import type { UserServer } from "./account-types";

export type AccountCheck = { imap: UserServer; smtp: UserServer; credentials: MailCredentials; clientIp: string | null; hosts?: UserHostOptions };

/**
 * Proves an account works before it is stored: an IMAP LOGIN and an SMTP AUTH with the typed
 * credentials. Both hosts are checked before either is connected to, so a refused SMTP host
 * never lets the IMAP connection happen either.
 * @throws PosternError HOST_REFUSED | BAD_REQUEST | INVALID_CREDENTIALS | IMAP_UNAVAILABLE | SMTP_AUTH_FAILED | SMTP_UNAVAILABLE
 */
export async function verifyAccount(check: AccountCheck): Promise<void> {
  const imapOptions = await accountImapOptions(check.imap, check.credentials, { clientIp: check.clientIp, hosts: check.hosts });
  const smtpOptions = await accountSmtpOptions(check.smtp, check.credentials, check.hosts);
  const client = new ImapFlow(imapOptions);
  client.on("error", () => undefined); // a late socket error must not crash the process
  try {
    await client.connect();
  } catch (e) {
    client.close();
    throw toImapCheckError(e, check.imap);
  }
  await client.logout().catch(() => client.close());
  const transport = nodemailer.createTransport(smtpOptions);
  try {
    await transport.verify();
  } catch (e) {
    throw toSmtpCheckError(e, check.smtp);
  } finally {
    transport.close();
  }
}
