// What an import says about an entry it left out or imported only in part: each as a catalog key
// (messages/*.json "vcardProblems", said by app/mail/contacts/import-actions.ts in the reader's
// language), its values, and the English text made here from them (app/i18n/error-text.test.ts
// checks that the English catalog says the same).

export const VCARD_PROBLEMS = {
  beginInside: () => "a new vCard begins before this one's END:VCARD",
  endWithoutBegin: () => "END:VCARD without BEGIN:VCARD (skipped)",
  textOutside: () => "text outside any vCard (skipped)",
  noEnd: () => "the file ends before this vCard's END:VCARD",
  /** ical.js's own words for the line, in English, when line-problem.ts does not know them. */
  unreadableLine: (v: { reason: string }) => `this line cannot be read (${v.reason})`,
  // what ical.js's known reasons mean (line-problem.ts)
  lineNoColon: () => "this line cannot be read: it has no “:” between the name and the value",
  lineOpenQuote: () => "this line cannot be read: a quotation mark in it is not closed",
  lineParameterNoValue: () => "this line cannot be read: a parameter in it has no “=” (write TYPE=home, say), or the “:” before the value is missing",
  lineNoValue: () => "this line cannot be read: no “:” follows its parameters, so it has no value",
  lineParameterNoName: () => "this line cannot be read: a parameter has no name before its “=”",
  lineBeginWithoutEnd: () => "this line cannot be read: it begins a section (BEGIN) that has no END",
  unreadable: () => "not a vCard ical.js can read",
  badEmail: (v: { value: string }) => `“${v.value}” is not an email address`,
  badPhone: (v: { value: string }) => `“${v.value}” is not a phone number`,
  empty: () => "it has no name, address or phone number",
  notSaved: (v: { reason: string }) => `it could not be saved: ${v.reason}`,
  extraEmails: (v: { max: number }) => `only its first ${v.max} addresses were kept`,
  photoAtAddress: () => "its photo is a web address, which Postern does not fetch",
  photoUnreadable: () => "its photo is in a form Postern does not read",
  photoTooLarge: (v: { kb: number }) => `its photo is larger than ${v.kb} KB and was left out`,
  photoType: () => "its photo is not a JPEG, PNG, GIF or WebP image and was left out",
  membersMissing: (v: { count: number }) => `${v.count} of its members are not in the address book`,
} satisfies Record<string, (values: never) => string>;

export type VcardProblemKey = keyof typeof VCARD_PROBLEMS;

/** A problem's words: the key and values the page says, and the English message. */
export type VcardSaid = { key: VcardProblemKey; values: Record<string, string | number>; message: string };

export function vcardSaid<K extends VcardProblemKey>(key: K, values?: Parameters<(typeof VCARD_PROBLEMS)[K]>[0]): VcardSaid {
  const v = (values ?? {}) as Record<string, string | number>;
  return { key, values: v, message: (VCARD_PROBLEMS[key] as (v: Record<string, string | number>) => string)(v) };
}
