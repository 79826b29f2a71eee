import { useLocale, useTranslations } from "next-intl";
import { readStoredError } from "@/lib/http/stored-error";
import { sayError, type RootTranslate } from "./say-error";

/** An error kept in the database (lib/http/stored-error.ts) in the reader's language; text
 * stored before errors had codes is shown as it is. */
export function StoredErrorText({ text }: { text: string }) {
  const locale = useLocale();
  const t = useTranslations();
  return sayError(locale, t as unknown as RootTranslate, readStoredError(text));
}
