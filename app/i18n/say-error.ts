// The text of an error in the reader's language, on the server (error-text.ts) and in the browser
// (use-error-text.ts) alike. English readers get the message written where the error was thrown,
// the most precise thing Postern can say; other languages get its detail (lib/http/error-details.ts)
// from the catalog ("errorDetails"), else the catalog's text for the code ("errors").
import { isErrorDetail } from "@/lib/http/error-details";

/** What an error says: a PosternError, an API answer's `error`, or one kept in the database. */
export type SaidError = { code: string; message: string; detail?: unknown };

/** The slice of a root translator (createTranslator, or the whole catalog's translator) sayError needs. */
export type RootTranslate = { (key: string, values?: Record<string, string | number>): string; has(key: string): boolean };

/** `e` in `locale`, given the root translator of that locale; unknown codes say the server's text. */
export function sayError(locale: string, t: RootTranslate, e: SaidError): string {
  if (locale === "en" && e.message) return e.message;
  if (isErrorDetail(e.detail) && t.has(`errorDetails.${e.detail.key}`)) return t(`errorDetails.${e.detail.key}`, e.detail.values);
  if (t.has(`errors.${e.code}`)) return t(`errors.${e.code}`);
  return e.message || t("errors.INTERNAL");
}
