// No imports: the mail page's client code reads these too.

/** What picks the mailbox of a request: absent or empty for the session's own. */
export const ACCOUNT_PARAM = "account";
/** The header the mail page's scripts send it in (app/mail/mutation-headers.ts). */
export const ACCOUNT_HEADER = "x-postern-account";

const ACCOUNT_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The account id a request names, or null for the session's own mailbox. Not validated against the store. */
export function requestedAccount(value: unknown): string | null {
  return typeof value === "string" && ACCOUNT_ID.test(value) ? value : null;
}
