// next-intl's per-request configuration (wired in next.config.ts): the UI language of this request
// and its catalog. Server components read it with getTranslations(), client components get it
// from the NextIntlClientProvider in app/layout.tsx.
import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { currentMailSession } from "@/app/mail/csrf-field";
import { requestSettings } from "@/app/mail/request-settings";
import { loadMessages } from "@/lib/i18n/load-messages";
import { pseudoLocaleEnabled } from "@/lib/i18n/locales";
import { negotiateLocale } from "@/lib/i18n/negotiate-locale";
import { TIME_ZONE_COOKIE, validTimeZone } from "@/lib/i18n/time-zone";
import { uiLanguage } from "@/lib/settings/appearance-settings";

/** The account's choice (Settings → Appearance) first, then the browser's Accept-Language. */
async function requestLocale(): Promise<string> {
  const session = await currentMailSession().catch(() => null);
  const chosen = session ? await requestSettings([session.email], [uiLanguage] as const).then(([l]) => l, () => "auto" as const) : "auto";
  if (chosen !== "auto") return chosen;
  return negotiateLocale((await headers()).get("accept-language"), { pseudo: pseudoLocaleEnabled() });
}

export default getRequestConfig(async () => {
  const locale = await requestLocale();
  // The reader's time zone as their browser reported it (app/i18n/time-zone-cookie.tsx); until it
  // has, UTC, and the dates the server formats say so (app/i18n/reader-dates.ts).
  const timeZone = validTimeZone((await cookies()).get(TIME_ZONE_COOKIE)?.value) ?? "UTC";
  return { locale, messages: loadMessages(locale), timeZone };
});
