import en from "@/messages/en.json";
import de from "@/messages/de.json";
import th from "@/messages/th.json";
import { PSEUDO_LOCALE, type Locale } from "./locales";
import { pseudoCatalog, type Messages } from "./pseudo-locale";

export const CATALOGS: Record<Locale, Messages> = { en, de, th };

let pseudo: Messages | null = null;

/** The catalog of a negotiated locale (lib/i18n/negotiate-locale.ts); the pseudo one is made once from English. */
export function loadMessages(locale: string): Messages {
  if (locale === PSEUDO_LOCALE) return (pseudo ??= pseudoCatalog(en));
  return CATALOGS[locale as Locale] ?? en;
}
