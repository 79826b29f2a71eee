// The details some errors carry beyond their code ("“Sent” cannot be deleted."): the English text
// is made here, from the same key and values that app/i18n/error-text.ts hands to the catalog
// ("errorDetails" in messages/*.json), so every language gets the precise text, not only the
// code's general one. app/i18n/error-text.test.ts checks that the
// English catalog says exactly what this table says.

export type DetailValues = Record<string, string | number>;

/** A protected folder's role as RFC 6154 names it ("Sent"), or "none" when its name says it. */
type Folder = { folder: string; role: string };
const named = (v: Folder) => (v.role === "none" ? `“${v.folder}”` : `“${v.folder}” (your ${v.role} folder)`);

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
} satisfies Record<string, (values: never) => string>;

export type DetailKey = keyof typeof ERROR_DETAILS;
export type DetailValuesOf<K extends DetailKey> = Parameters<(typeof ERROR_DETAILS)[K]>[0];
export type ErrorDetail = { key: DetailKey; values: DetailValues };

/** The detail and its English text, for `new PosternError(code, text, { detail })`. */
export function detail<K extends DetailKey>(key: K, values?: DetailValuesOf<K>): { text: string; detail: ErrorDetail } {
  const v = (values ?? {}) as DetailValues;
  return { text: (ERROR_DETAILS[key] as (v: DetailValues) => string)(v), detail: { key, values: v } };
}

/** Whether `value` (from stored JSON or an API answer) is a detail this table knows. */
export function isErrorDetail(value: unknown): value is ErrorDetail {
  if (typeof value !== "object" || value === null) return false;
  const { key, values } = value as { key?: unknown; values?: unknown };
  return typeof key === "string" && Object.hasOwn(ERROR_DETAILS, key) && typeof values === "object" && values !== null && !Array.isArray(values);
}
