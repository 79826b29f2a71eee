import { PosternError } from "@/lib/http/errors";
import { isAuthenticationError, isConnectionError } from "@/lib/imap/classify-error";
import type { SmtpErrorLike } from "@/lib/smtp/smtp-error";
import type { UserServer } from "./account-types";

type ErrorLike = { code?: unknown; message?: unknown; responseText?: unknown };

/** Node's certificate codes (CERT_HAS_EXPIRED, ERR_TLS_CERT_ALTNAME_INVALID, DEPTH_ZERO_SELF_SIGNED_CERT, ...)
 * and the words imapflow and nodemailer use for a failed handshake. */
export function isTlsFailure(e: unknown): boolean {
  const err = (e ?? {}) as ErrorLike;
  const code = typeof err.code === "string" ? err.code : "";
  const message = typeof err.message === "string" ? err.message : "";
  return code === "ETLS" || /CERT|TLS|SSL|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code) || /certificate|self[- ]signed|TLS|SSL|wrong version number/i.test(message);
}

const SMTP_CONNECTION_CODES = new Set(["ECONNECTION", "ETIMEDOUT", "ESOCKET", "EDNS", "ECONNREFUSED", "ECONNRESET", "EHOSTUNREACH", "ENETUNREACH"]);

const where = (s: UserServer) => `${s.host}:${s.port}`;
const said = (text: unknown) => {
  const t = typeof text === "string" ? text.replace(/\s+/g, " ").trim() : "";
  return t ? ` The server said: “${t.slice(0, 200)}”.` : "";
};

/** Why an added account's IMAP server refused the check, in words the user can act on. */
export function toImapCheckError(e: unknown, server: UserServer): PosternError {
  if (e instanceof PosternError) return e;
  if (isAuthenticationError(e)) {
    return new PosternError("INVALID_CREDENTIALS", `The IMAP server ${server.host} did not accept the user name or password.`, { cause: e });
  }
  if (isTlsFailure(e)) {
    return new PosternError("IMAP_UNAVAILABLE", `A secure connection to the IMAP server ${where(server)} could not be made (certificate or TLS problem). Check the security setting and the port.`, { cause: e });
  }
  if (isConnectionError(e)) {
    return new PosternError("IMAP_UNAVAILABLE", `The IMAP server ${where(server)} cannot be reached. Check the server name and port.`, { cause: e });
  }
  return new PosternError("IMAP_UNAVAILABLE", `The IMAP server ${where(server)} did not let Postern sign in.${said((e as ErrorLike)?.responseText)}`, { cause: e });
}

/** Why an added account's SMTP server refused the check (connect, STARTTLS, AUTH). */
export function toSmtpCheckError(e: unknown, server: UserServer): PosternError {
  if (e instanceof PosternError) return e;
  const err = (e ?? {}) as SmtpErrorLike;
  if (err.code === "EAUTH" || err.code === "ENOAUTH" || err.responseCode === 535) {
    return new PosternError("SMTP_AUTH_FAILED", `The outgoing (SMTP) server ${server.host} did not accept the user name or password.${said(err.response)}`, { cause: e });
  }
  if (isTlsFailure(e)) {
    return new PosternError("SMTP_UNAVAILABLE", `A secure connection to the outgoing (SMTP) server ${where(server)} could not be made (certificate or TLS problem). Check the security setting and the port.`, { cause: e });
  }
  if (err.code && SMTP_CONNECTION_CODES.has(err.code)) {
    return new PosternError("SMTP_UNAVAILABLE", `The outgoing (SMTP) server ${where(server)} cannot be reached. Check the server name and port.`, { cause: e });
  }
  return new PosternError("SMTP_UNAVAILABLE", `The outgoing (SMTP) server ${where(server)} refused the check.${said(err.response)}`, { cause: e });
}

/** An added account's connection that failed later (its password changed, its server moved): in
 * the words of the check, but never INVALID_CREDENTIALS, which means the user's own session ended
 * and sends them to sign in again. */
export function toAccountConnectError(e: unknown, server: UserServer): PosternError {
  const err = toImapCheckError(e, server);
  if (err.code !== "INVALID_CREDENTIALS") return err;
  return new PosternError("IMAP_UNAVAILABLE", `${err.message} Check the password under Settings, Other accounts.`, { cause: e });
}
