import fs from "node:fs";
import tls from "node:tls";
import type { ImapFlowOptions } from "imapflow";
import type { MailCredentials } from "@/lib/auth/credentials";
import type { Config } from "@/lib/env";
import { IMAP_CONNECT_TIMEOUT_MS } from "@/lib/limits";

export type TlsSettings = { rejectUnauthorized: boolean; ca?: Buffer };

/** TLS options shared by IMAP and SMTP: verify certificates, trusting MAIL_CA_FILE in addition to the system CAs. */
export function mailTlsSettings(config: Pick<Config, "MAIL_CA_FILE" | "MAIL_TLS_INSECURE">): TlsSettings {
  const ca = config.MAIL_CA_FILE ? fs.readFileSync(config.MAIL_CA_FILE) : undefined;
  return { rejectUnauthorized: !config.MAIL_TLS_INSECURE, ...(ca ? { ca } : {}) };
}

let imapContext: { key: string; context: tls.SecureContext } | undefined;

/**
 * The TLS context of the installation's IMAP connections, trusting what mailTlsSettings' `ca`
 * trusts, built once per version of MAIL_CA_FILE (its modification time is checked at each
 * connect, so a replaced file is used from the next connection on). tls.connect given `ca`
 * builds a new context each time (reading and parsing the CA, a new OpenSSL context): ~1.2-1.5 ms
 * of CPU on top of a 3.3-3.5 ms handshake (BENCHMARKS, row 4r, sixth session).
 */
export function imapSecureContext(config: Pick<Config, "MAIL_CA_FILE">): tls.SecureContext {
  const file = config.MAIL_CA_FILE;
  const key = file ? `${file}\n${fs.statSync(file).mtimeMs}` : "";
  if (imapContext?.key !== key) {
    imapContext = { key, context: tls.createSecureContext(file ? { ca: [fs.readFileSync(file)] } : {}) };
  }
  return imapContext.context;
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
    tls: { rejectUnauthorized: !config.MAIL_TLS_INSECURE, secureContext: imapSecureContext(config) },
    clientInfo: { name: "Postern", ...(clientIp ? { "x-originating-ip": clientIp } : {}) },
    logger: false,
    connectionTimeout: IMAP_CONNECT_TIMEOUT_MS,
    greetingTimeout: IMAP_CONNECT_TIMEOUT_MS,
    // Postern keeps the connection open and selected between requests; imapflow's own
    // auto-IDLE would hold the mailbox lock in between, so it is driven explicitly instead.
    disableAutoIdle: true,
  };
}
