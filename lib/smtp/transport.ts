import nodemailer from "nodemailer";
import type { SMTPTransportOptions } from "nodemailer/lib/smtp-transport";
import type { MailCredentials } from "@/lib/auth/credentials";
import type { Config } from "@/lib/env";
import { mailTlsSettings } from "@/lib/imap/connection-options";

/** Time to reach the submission server and get its greeting before saying it is unreachable. */
const SMTP_CONNECT_TIMEOUT_MS = 10_000;
/** A stalled server must not hold a send request for nodemailer's default 10 minutes. */
const SMTP_SOCKET_TIMEOUT_MS = 60_000;

/**
 * nodemailer options for submitting as one user: authenticated with the user's own IMAP
 * credentials (the submission server checks them against the same account), TLS as configured
 * and always verified. With "starttls" the upgrade is required, never skipped silently, so the
 * password does not cross the network in the clear when a server stops offering STARTTLS.
 */
export function smtpOptions(config: Config, creds: MailCredentials): SMTPTransportOptions {
  return {
    host: config.SMTP_HOST,
    port: config.SMTP_PORT,
    secure: config.SMTP_TLS === "tls",
    requireTLS: config.SMTP_TLS === "starttls",
    ignoreTLS: config.SMTP_TLS === "none",
    auth: { user: creds.user, pass: creds.pass },
    tls: mailTlsSettings(config),
    connectionTimeout: SMTP_CONNECT_TIMEOUT_MS,
    greetingTimeout: SMTP_CONNECT_TIMEOUT_MS,
    socketTimeout: SMTP_SOCKET_TIMEOUT_MS,
    logger: false,
  };
}

/** A one-message transport: sending is rare enough that a pooled SMTP connection per user
 * would cost the server more (an idle authenticated session) than it saves. */
export function createSmtpTransport(config: Config, creds: MailCredentials) {
  return nodemailer.createTransport(smtpOptions(config, creds));
}
