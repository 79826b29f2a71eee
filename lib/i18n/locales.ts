/** The languages Postern's UI speaks; the first is the fallback when the browser asks for none of them. */
export const LOCALES = ["en", "de", "th"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/**
 * A test-only locale (see README, "Translations"): every catalog string wrapped in ⟦…⟧ with
 * accented letters, so a page showing a word outside the markers shows a string not in the catalog.
 * Offered only when POSTERN_PSEUDO_LOCALE=1 (the e2e server), never to real users.
 */
export const PSEUDO_LOCALE = "en-XA";

export function pseudoLocaleEnabled(env: Record<string, string | undefined> = process.env): boolean {
  return env.POSTERN_PSEUDO_LOCALE === "1";
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}
