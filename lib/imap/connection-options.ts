import fs from "node:fs";
import tls from "node:tls";
import type { ImapFlowOptions } from "imapflow";
import type { MailCredentials } from "@/lib/auth/credentials";
import type { Config } from "@/lib/env";
import { IMAP_CONNECT_TIMEOUT_MS } from "@/lib/limits";

export type TlsSettings = { rejectUnauthorized: boolean; secureContext: tls.SecureContext };

let trust: { key: string; context: tls.SecureContext } | undefined;

/**
 * The trust of every connection to a mail server: Node's bundled root CAs, plus MAIL_CA_FILE when
 * set. Given alone as `ca`, the file would replace the roots, and an added account or a typed
 * POP3/NNTP server on a public host would fail its certificate check.
 * Built once per version of the file (its modification time is checked at each connect, so a
 * replaced file is used from the next connection on): tls.connect given `ca` builds a context per
 * connection, ~1.2-1.5 ms of CPU on top of a 3.3-3.5 ms handshake (BENCHMARKS, row 4r, sixth session).
 */
export function mailSecureContext(config: Pick<Config, "MAIL_CA_FILE">): tls.SecureContext {
  const file = config.MAIL_CA_FILE;
  const key = file ? `${file}\n${fs.statSync(file).mtimeMs}` : "";
  if (trust?.key !== key) {
    trust = { key, context: tls.createSecureContext(file ? { ca: [...tls.rootCertificates, fs.readFileSync(file)] } : {}) };
  }
  return trust.context;
}

/** TLS options shared by IMAP, SMTP, Sieve, POP3 and NNTP: verify certificates (unless
 * MAIL_TLS_INSECURE) against mailSecureContext's trust. */
export function mailTlsSettings(config: Pick<Config, "MAIL_CA_FILE" | "MAIL_TLS_INSECURE">): TlsSettings {
  return { rejectUnauthorized: !config.MAIL_TLS_INSECURE, secureContext: mailSecureContext(config) };
}

/**
 * imapflow options for one user's connection. The browser's address travels in the ID command
 * (sent before LOGIN) as x-originating-ip: a server that trusts Postern's address
 * (Dovecot login_trusted_networks) then penalizes failed logins per real client, not per Postern.
 */
export function imapOptions(
  config: Config,
  creds: MailCredentials,
  clientIp: string | null,
): ImapFlowOptions {
  return {
    host: config.IMAP_HOST,
    port: config.IMAP_PORT,
    secure: config.IMAP_TLS === "tls",
    doSTARTTLS: config.IMAP_TLS === "starttls" ? true : config.IMAP_TLS === "none" ? false : undefined,
    auth: { user: creds.user, pass: creds.pass },
    tls: mailTlsSettings(config),
    clientInfo: { name: "Postern", ...(clientIp ? { "x-originating-ip": clientIp } : {}) },
    logger: false,
    connectionTimeout: IMAP_CONNECT_TIMEOUT_MS,
    greetingTimeout: IMAP_CONNECT_TIMEOUT_MS,
    // Postern keeps the connection open and selected between requests; imapflow's own
    // auto-IDLE would hold the mailbox lock in between, so it is driven explicitly instead.
    disableAutoIdle: true,
  };
}
