import { getLocale, getTranslations } from "next-intl/server";
import { noticeKey } from "@/app/i18n/notice-key";
import type { RootTranslate } from "@/app/i18n/say-error";
import { sayWarning } from "@/app/i18n/send-warnings";
import { noticeUrl } from "@/lib/http/signed-notice";
import type { StoredWarning } from "@/lib/outbox/outbox-state";

/** The folder to go back to after sending, with a signed notice: "Message sent.", or what went
 * wrong after it left (a refused recipient, no copy in Sent) in this request's language:
 * mailUrl({ folder }) with the notice after the folder. */
export async function sentRedirect(folder: string, warnings: StoredWarning[]): Promise<string> {
  if (!warnings.length) return noticeUrl("/mail", { kind: "ok", text: noticeKey("messageSent") }, { folder });
  const [locale, t] = await Promise.all([getLocale(), getTranslations()]);
  const text = warnings.map((w) => sayWarning(locale, t as unknown as RootTranslate, w)).join(" ");
  return noticeUrl("/mail", { kind: "error", text }, { folder });
}
