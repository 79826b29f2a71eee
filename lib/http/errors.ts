import { detail, type DetailKey, type DetailValuesOf, type ErrorDetail } from "./error-details";

/** Closed set of failures Postern shows to users. Everything else is an opaque 500. */
export type PosternErrorCode =
  | "BAD_REQUEST"
  | "UNAUTHORIZED"
  | "INVALID_CREDENTIALS"
  | "RATE_LIMITED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  /** A one-time read link already opened, expired or withdrawn. */
  | "GONE"
  | "IMAP_UNAVAILABLE"
  | "MESSAGE_TOO_LARGE"
  | "TOO_MANY_CONNECTIONS"
  // Sending (lib/smtp/smtp-error.ts): what the SMTP server refused, and why.
  | "RECIPIENT_REJECTED"
  | "SMTP_AUTH_FAILED"
  | "SMTP_UNAVAILABLE"
  | "SEND_FAILED"
  // Filters (lib/sieve): the ManageSieve server is down, or refused the script.
  | "SIEVE_UNAVAILABLE"
  | "SIEVE_REJECTED"
  /** The image proxy could not get an image (upstream error, too large, too slow, not an image). */
  | "IMAGE_UNAVAILABLE"
  // News (lib/news): the news server is down, refused the sign-in, or refused a post.
  | "NEWS_UNAVAILABLE"
  | "NEWS_AUTH_FAILED"
  | "NEWS_REJECTED"
  /** A server address a user typed is internal (lib/net/user-host.ts) and not allowed by the admin. */
  | "HOST_REFUSED"
  // CardDAV (lib/carddav): the address book server is down, or refused the sign-in.
  | "CARDDAV_UNAVAILABLE"
  | "CARDDAV_AUTH_FAILED"
  // POP3 collection (lib/collect): the POP3 server is down or its TLS failed, or it refused the sign-in.
  | "POP3_UNAVAILABLE"
  | "POP3_AUTH_FAILED";

const STATUS: Record<PosternErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  INVALID_CREDENTIALS: 401,
  RATE_LIMITED: 429,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  GONE: 410,
  IMAP_UNAVAILABLE: 503,
  MESSAGE_TOO_LARGE: 413,
  TOO_MANY_CONNECTIONS: 503,
  RECIPIENT_REJECTED: 422,
  SMTP_AUTH_FAILED: 502,
  SMTP_UNAVAILABLE: 503,
  SEND_FAILED: 502,
  SIEVE_UNAVAILABLE: 503,
  SIEVE_REJECTED: 422,
  IMAGE_UNAVAILABLE: 502,
  NEWS_UNAVAILABLE: 503,
  NEWS_AUTH_FAILED: 502,
  NEWS_REJECTED: 422,
  HOST_REFUSED: 422,
  CARDDAV_UNAVAILABLE: 503,
  CARDDAV_AUTH_FAILED: 502,
  POP3_UNAVAILABLE: 503,
  POP3_AUTH_FAILED: 502,
};

/** Every code, for the catalogs' check that each has a translation (lib/i18n/catalogs.test.ts). */
export const POSTERN_ERROR_CODES = Object.keys(STATUS) as PosternErrorCode[];

// The bundler may load this module more than once (route chunks, instrumentation, the session pool
// kept on globalThis), making several PosternError classes. An error thrown by one copy must still be
// recognised by code holding another, so recognition goes by a registry-wide brand and the closed
// code set, never by class identity.
const BRAND: unique symbol = Symbol.for("postern.error") as never;

/** An error whose message is safe to show to the user. */
export class PosternError extends Error {
  readonly code: PosternErrorCode;
  /** The message as a catalog key and values (lib/http/error-details.ts), so other languages get
   * it too; without one they get the code's general text. */
  readonly detail?: ErrorDetail;
  readonly [BRAND] = true;
  constructor(code: PosternErrorCode, message: string, options?: { cause?: unknown; detail?: ErrorDetail }) {
    super(message, options);
    this.name = "PosternError";
    this.code = code;
    if (options?.detail) this.detail = options.detail;
  }
  /** An error whose message is the detail `key` says with `values` (lib/http/error-details.ts). */
  static detailed<K extends DetailKey>(code: PosternErrorCode, key: K, values?: DetailValuesOf<K>, options?: { cause?: unknown }): PosternError {
    const d = detail(key, values);
    return new PosternError(code, d.text, { ...options, detail: d.detail });
  }
  get status(): number {
    return STATUS[this.code];
  }
  /** `e instanceof PosternError` holds for errors made by any copy of this class. */
  static [Symbol.hasInstance](value: unknown): boolean {
    return isPosternError(value);
  }
}

/** True for a PosternError from any copy of this module: branded, with a code from the closed set. */
export function isPosternError(e: unknown): e is PosternError {
  if (typeof e !== "object" || e === null || (e as { [BRAND]?: unknown })[BRAND] !== true) return false;
  const code = (e as { code?: unknown }).code;
  return typeof code === "string" && Object.hasOwn(STATUS, code);
}

