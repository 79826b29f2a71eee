import { useLocale } from "next-intl";
import { readStoredError } from "@/lib/http/stored-error";
import { sayError } from "./say-error";
import { useErrorTranslate } from "./use-error-text";

/** An error kept in the database (lib/http/stored-error.ts) in the reader's language; text
 * stored before errors had codes is shown as it is. */
export function StoredErrorText({ text }: { text: string }) {
  const locale = useLocale();
  return sayError(locale, useErrorTranslate(), readStoredError(text));
}
