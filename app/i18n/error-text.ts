// Typed errors (lib/http/errors.ts) carry an English message written where they are thrown, which
// is the most precise thing Postern can say. Readers in another language get the catalog's text
// for the error's code instead (messages/*.json "errors"): lib/ stays free of the i18n library,
// and a new error code only needs its catalog entry (the catalog test checks every code has one).
import { getLocale, getTranslations } from "next-intl/server";
import type { PosternError, PosternErrorCode } from "@/lib/http/errors";

type Translate = (key: `${PosternErrorCode}`) => string;

/** The text for an error in `locale`, given that locale's "errors" translator. */
export function errorTextIn(locale: string, t: Translate, e: Pick<PosternError, "code" | "message">): string {
  return locale === "en" ? e.message : t(e.code);
}

/** The text for an error in this request's language (route handlers, server actions, pages). */
export async function errorText(e: Pick<PosternError, "code" | "message">): Promise<string> {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("errors")]);
  return errorTextIn(locale, t as Translate, e);
}
