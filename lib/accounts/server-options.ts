import net from "node:net";
import type { ImapFlowOptions } from "imapflow";
import type { SMTPTransportOptions } from "nodemailer/lib/smtp-transport";
import type { MailCredentials } from "@/lib/auth/credentials";
import { getConfig } from "@/lib/env";
import { imapOptions } from "@/lib/imap/connection-options";
import { normalizeHostName } from "@/lib/net/host-allow-list";
import { resolveUserHost, type CheckedHost, type UserHostOptions } from "@/lib/net/user-host";
import { smtpOptions } from "@/lib/smtp/transport";
import type { UserServer } from "./account-types";

/** TLS for a user-typed server reached by its checked address: the certificate is verified
 * against the name the user typed (an IP literal has no name to send as SNI). */
function tlsFor<T extends object>(server: UserServer, base: T): T & { servername?: string } {
  const name = normalizeHostName(server.host);
  return { ...base, ...(net.isIP(name) ? {} : { servername: name }) };
}

/**
 * imapflow options for an added account: its own server, resolved and checked now (SSRF, DNS
 * rebinding: the connection goes to the checked address, never to the name again), otherwise as
 * the installation's own IMAP connections (timeouts, CA, no auto-IDLE).
 * @throws PosternError HOST_REFUSED | BAD_REQUEST (no such host)
 */
export async function accountImapOptions(
  server: UserServer,
  creds: MailCredentials,
  opts: { clientIp: string | null; hosts?: UserHostOptions },
): Promise<ImapFlowOptions> {
  const checked: CheckedHost = await resolveUserHost(server.host, opts.hosts);
  const base = imapOptions(getConfig(), creds, opts.clientIp);
  return {
    ...base,
    host: checked.address,
    port: server.port,
    secure: server.security === "tls",
    doSTARTTLS: server.security === "starttls" ? true : server.security === "none" ? false : undefined,
    tls: tlsFor(server, base.tls ?? {}),
  };
}

/** nodemailer options for an added account's submission server, checked as accountImapOptions.
 * @throws PosternError HOST_REFUSED | BAD_REQUEST (no such host) */
export async function accountSmtpOptions(server: UserServer, creds: MailCredentials, hosts?: UserHostOptions): Promise<SMTPTransportOptions> {
  const checked = await resolveUserHost(server.host, hosts);
  const base = smtpOptions(getConfig(), creds);
  return {
    ...base,
    host: checked.address,
    port: server.port,
    secure: server.security === "tls",
    requireTLS: server.security === "starttls",
    ignoreTLS: server.security === "none",
    tls: tlsFor(server, base.tls ?? {}),
  };
}
