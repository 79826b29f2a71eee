import { PosternError } from "@/lib/http/errors";

type ImapErrorLike = { code?: string; authenticationFailed?: boolean; responseText?: string; message?: string };

const CONNECTION_CODES = new Set([
  "NoConnection",
  "EConnectionClosed",
  "StateLogout",
  "ClosedAfterConnectText",
  "ClosedAfterConnectTLS",
  "CONNECT_TIMEOUT",
  "GREETING_TIMEOUT",
  "UPGRADE_TIMEOUT",
  "ETIMEOUT",
  "ECONNREFUSED",
  "ECONNRESET",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EPIPE",
  "ETIMEDOUT",
]);

/** True when the error means the connection is gone (a retry on a fresh connection may work). */
export function isConnectionError(e: unknown): boolean {
  const err = e as ImapErrorLike | null;
  return Boolean(err && typeof err.code === "string" && CONNECTION_CODES.has(err.code));
}

export function isAuthenticationError(e: unknown): boolean {
  return Boolean(e && (e as ImapErrorLike).authenticationFailed);
}

/** Maps an imapflow/socket error onto the message a user should see. Unknown errors pass through. */
export function toPosternError(e: unknown): unknown {
  if (e instanceof PosternError) return e;
  if (isAuthenticationError(e)) {
    return new PosternError("INVALID_CREDENTIALS", "Wrong email address or password.", { cause: e });
  }
  if (isConnectionError(e) || /certificate|self[- ]signed|TLS/i.test((e as ImapErrorLike)?.message ?? "")) {
    return new PosternError(
      "IMAP_UNAVAILABLE",
      "The mail server cannot be reached right now. Please try again in a moment.",
      { cause: e },
    );
  }
  return e;
}
