// The text of an error in the reader's language, on the server (error-text.ts) and in the browser
// (use-error-text.ts) alike. English readers get the message written where the error was thrown,
// the most precise thing Postern can say; other languages get its detail (lib/http/error-details.ts)
// from the catalog ("errorDetails"), else the catalog's text for the code ("errors").
import { isErrorDetail, LIST_SEPARATOR, partsOf, type DetailValues, type ErrorDetail } from "@/lib/http/error-details";

/** What an error says: a PosternError, an API answer's `error`, or one kept in the database. */
export type SaidError = { code: string; message: string; detail?: unknown };

/** The slice of a root translator (createTranslator, or the whole catalog's translator) sayError needs. */
export type RootTranslate = { (key: string, values?: Record<string, string | number>): string; has(key: string): boolean };

/** `e` in `locale`, given the root translator of that locale; unknown codes say the server's text. */
export function sayError(locale: string, t: RootTranslate, e: SaidError): string {
  if (locale === "en" && e.message) return e.message;
  const detail = isErrorDetail(e.detail) ? sayDetail(t, e.detail) : null;
  if (detail !== null) return detail;
  if (t.has(`errors.${e.code}`)) return t(`errors.${e.code}`);
  return e.message || t("errors.INTERNAL");
}

/** A detail in the catalog's words, or null when the catalog lacks its key or a part's. */
export function sayDetail(t: RootTranslate, d: ErrorDetail): string | null {
  const values = sayList(t, d.values);
  return values && t.has(`errorDetails.${d.key}`) ? t(`errorDetails.${d.key}`, values) : null;
}

/** `values` with the list they hold (lib/http/error-details.ts listDetail) said as {list}; as
 * they are when they hold none; null when a part cannot be said. */
export function sayList(t: RootTranslate, values: DetailValues): DetailValues | null {
  const listed = partsOf(values);
  if (!listed) return "parts" in values ? null : values;
  const said = listed.parts.map((p) => sayDetail(t, p));
  return said.every((s) => s !== null) ? { ...listed.rest, list: said.join(LIST_SEPARATOR) } : null;
}
