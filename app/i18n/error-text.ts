// Typed errors (lib/http/errors.ts) in this request's language (app/i18n/say-error.ts says how):
// lib/ stays free of the i18n library, and a new error code only needs its catalog entry (the
// catalog test checks every code has one).
import { getLocale, getTranslations } from "next-intl/server";
import { sayError, type RootTranslate, type SaidError } from "./say-error";

/** The text for an error in this request's language (route handlers, server actions, pages). */
export async function errorText(e: SaidError): Promise<string> {
  const [locale, t] = await Promise.all([getLocale(), getTranslations()]);
  return sayError(locale, t as unknown as RootTranslate, e);
}
