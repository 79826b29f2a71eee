// The details some errors carry beyond their code ("“Sent” cannot be deleted."): the English text
// is made here, from the same key and values that app/i18n/error-text.ts hands to the catalog
// ("errorDetails" in messages/*.json), so every language gets the precise text, not only the
// code's general one. app/i18n/error-text.test.ts checks that the
// English catalog says exactly what this table says.

export type DetailValues = Record<string, string | number>;

/** A protected folder's role as RFC 6154 names it ("Sent"), or "none" when its name says it. */
type Folder = { folder: string; role: string };
const named = (v: Folder) => (v.role === "none" ? `“${v.folder}”` : `“${v.folder}” (your ${v.role} folder)`);

/** Why the mail server refused a recipient (lib/smtp/smtp-error.ts refusalCauseOf). */
export const REFUSAL_CAUSES = {
  overLimit: "over the server's limit of recipients per message",
  unknownUser: "unknown user (no such mailbox)",
  mailboxFull: "the recipient's mailbox is full",
  domainRefuses: "the recipient's domain does not accept mail",
  badAddress: "not a valid address",
  notAllowed: "the server does not allow sending to this address",
  temporary: "temporarily refused, try again later",
  refused: "refused",
};
export type RefusalCause = keyof typeof REFUSAL_CAUSES;
const refusalCause = (cause: string) => (Object.hasOwn(REFUSAL_CAUSES, cause) ? REFUSAL_CAUSES[cause as RefusalCause] : REFUSAL_CAUSES.refused);
const serverSaid = (reply: string, before = " The server said: “", after = "”.") => (reply === "none" ? "" : `${before}${reply}${after}`);
/** Counts as the English catalog's ICU `#` writes them ("1,234"). */
const enNumber = new Intl.NumberFormat("en");
const recipients = (n: number) => `${enNumber.format(n)} recipient${n === 1 ? "" : "s"}`;

export const ERROR_DETAILS = {
  folderMissing: (v: { folder: string }) => `The folder “${v.folder}” does not exist.`,
  folderExists: (v: { folder: string }) => `A folder “${v.folder}” already exists.`,
  folderNoChildren: (v: { folder: string }) => `The folder “${v.folder}” cannot hold subfolders.`,
  folderProtectedDelete: (v: Folder) => `${named(v)} cannot be deleted.`,
  folderProtectedRename: (v: Folder) => `${named(v)} cannot be renamed.`,
  folderContainsProtectedDelete: (v: Folder & { parent: string }) => `“${v.parent}” cannot be deleted: it contains ${named(v)}.`,
  folderContainsProtectedRename: (v: Folder & { parent: string }) => `“${v.parent}” cannot be renamed: it contains ${named(v)}.`,
  folderAlwaysShown: (v: Folder) => `${named(v)} is always shown and cannot be unsubscribed.`,
  sameFolder: () => "The messages are already in that folder.",
  noJunkFolder: () => "There is no Junk folder. Create one called Junk to file spam.",
  contactGone: () => "This contact no longer exists.",
  addressBookFull: (v: { max: number }) => `Your address book is full (${v.max} entries). Delete some before adding more.`,
  noPasskey: () => "This account has no passkey.",
  passkeyExpired: () => "The passkey request expired. Please try again.",
  passkeyRefused: () => "That passkey could not be checked. Try again, or use another way to sign in.",
  // Sending (lib/smtp/smtp-error.ts). `reply` is the server's reply, its own words, or "none"
  // (a reply always begins with its three-digit code, so it is never that word).
  recipientsRefused: (v: { list: string }) => `The message was not sent. The mail server refused ${v.list}.`,
  recipientRefused: (v: { recipient: string; cause: string; reply: string }) => `${v.recipient}: ${refusalCause(v.cause)}${serverSaid(v.reply, " (the server said: “", "”)")}`,
  recipientsMoreRefused: (v: { count: number }) => `${enNumber.format(v.count)} more recipient${v.count === 1 ? "" : "s"}, refused in the same way or for other reasons`,
  recipientsOverLimit: (v: { count: number; first: string; more: number; limit: number }) =>
    `${recipients(v.count)} (${v.first}${v.more > 0 ? ", …" : ""}): the mail server ${v.limit > 0 ? `takes at most ${recipients(v.limit)} per message` : "limits the number of recipients per message"}; send it to them in another message`,
  sendRefused: (v: { reply: string }) => `The message was not sent: the mail server refused it.${serverSaid(v.reply)}`,
  smtpTemporary: (v: { reply: string }) => `The message was not sent: the outgoing mail server cannot take it right now (a temporary failure). Please try again later.${serverSaid(v.reply)}`,
  smtpAuthRefused: (v: { reply: string }) => `The message was not sent: the mail server did not accept your sign-in for sending (authentication failed).${serverSaid(v.reply)}`,
  smtpTooLarge: (v: { reply: string }) => `The message was not sent: it is larger than the mail server accepts. Remove or shrink attachments.${serverSaid(v.reply)}`,
  sendInterrupted: () => "The message was not sent: Postern stopped several times while sending it.",
  smtpTls: () => "The message was not sent: a secure connection to the outgoing mail server could not be made (certificate or TLS problem).",
  smtpUnreachable: () => "The message was not sent: the outgoing mail server cannot be reached right now. Please try again in a moment.",
} satisfies Record<string, (values: never) => string>;

export type DetailKey = keyof typeof ERROR_DETAILS;
export type DetailValuesOf<K extends DetailKey> = Parameters<(typeof ERROR_DETAILS)[K]>[0];
export type ErrorDetail = { key: DetailKey; values: DetailValues };

/** The detail and its English text, for `new PosternError(code, text, { detail })`. */
export function detail<K extends DetailKey>(key: K, values?: DetailValuesOf<K>): { text: string; detail: ErrorDetail } {
  const d = { key, values: (values ?? {}) as DetailValues };
  return { text: englishOf(d), detail: d };
}

/** Details whose message lists other details in its {list} ("a@x: unknown user; b@x: …"). */
type ListKey = { [K in DetailKey]: DetailValuesOf<K> extends { list: string } ? K : never }[DetailKey];

/** More parts than any list Postern makes (smtp-error.ts names at most 20 refusals, then counts). */
const MAX_PARTS = 100;

/** Joins the parts of a list, in every language (a part may hold commas: addresses). */
export const LIST_SEPARATOR = "; ";

/**
 * A detail listing `parts`. Its values must stay flat (they are stored as JSON and handed to the
 * catalog as they are), so part i is kept as `part{i}` (its key) and `part{i}.{name}` (its
 * values); each reader's list is said from them (partsOf) in that reader's language.
 */
export function listDetail(key: ListKey, parts: ErrorDetail[]): { text: string; detail: ErrorDetail } {
  const values: DetailValues = { parts: parts.length };
  parts.forEach((p, i) => {
    values[`part${i}`] = p.key;
    for (const [name, v] of Object.entries(p.values)) values[`part${i}.${name}`] = v;
  });
  const d = { key, values };
  return { text: englishOf(d), detail: d };
}

/** The parts of a list's values and its other values, or null when `values` list nothing or
 * name a part this table does not know (an unknown key from stored JSON). */
export function partsOf(values: DetailValues): { parts: ErrorDetail[]; rest: DetailValues } | null {
  const count = values.parts;
  // a send names at most its recipients; a bigger count is not one Postern wrote
  if (typeof count !== "number" || !Number.isInteger(count) || count < 0 || count > MAX_PARTS) return null;
  const parts: ErrorDetail[] = Array.from({ length: count }, () => ({ key: "" as DetailKey, values: {} }));
  const rest: DetailValues = {};
  for (const [name, v] of Object.entries(values)) {
    const m = /^part(\d+)(?:\.(.+))?$/.exec(name);
    const part = m ? parts[Number(m[1])] : undefined;
    if (!m || !part) {
      if (name !== "parts") rest[name] = v;
    } else if (m[2] === undefined) part.key = v as DetailKey;
    else part.values[m[2]] = v;
  }
  return parts.every(isErrorDetail) ? { parts, rest } : null;
}

/** A detail's English text (a list's parts each in theirs). */
export function englishOf(d: ErrorDetail): string {
  const listed = partsOf(d.values);
  const values = listed ? { ...listed.rest, list: listed.parts.map(englishOf).join(LIST_SEPARATOR) } : d.values;
  return (ERROR_DETAILS[d.key] as (v: DetailValues) => string)(values);
}

/** Whether `value` (from stored JSON or an API answer) is a detail this table knows. */
export function isErrorDetail(value: unknown): value is ErrorDetail {
  if (typeof value !== "object" || value === null) return false;
  const { key, values } = value as { key?: unknown; values?: unknown };
  return typeof key === "string" && Object.hasOwn(ERROR_DETAILS, key) && typeof values === "object" && values !== null && !Array.isArray(values);
}
