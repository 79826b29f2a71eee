// The closed read-link page is served by proxy.ts before Next renders anything (it must answer
// 410), so it has no request config: its words come from the catalog of the visitor's
// Accept-Language here. The visitor has no Postern account, so no account setting applies.
import { createFormatter, createTranslator } from "next-intl";
import { catalogOf } from "./catalog-of";
import { zonedDates } from "./zoned-dates";
import { pseudoLocaleEnabled } from "@/lib/i18n/locales";
import { negotiateLocale } from "@/lib/i18n/negotiate-locale";
import { validTimeZone } from "@/lib/i18n/time-zone";
import type { ClosedLink, ClosedLinkWords } from "@/lib/read-links/closed-link-document";

/** `timeZone`: the visitor's `tz` cookie (lib/i18n/time-zone.ts), if their browser has set it. */
export function closedLinkWords(link: ClosedLink, acceptLanguage: string | null, timeZone?: string | null): ClosedLinkWords {
  const locale = negotiateLocale(acceptLanguage, { pseudo: pseudoLocaleEnabled() });
  const messages = catalogOf(locale);
  const t = createTranslator({ locale, messages, namespace: "readLink" });
  const zone = validTimeZone(timeZone);
  const when = zonedDates(createFormatter({ locale }), zone ?? "UTC")(link.at, { dateStyle: "long", timeStyle: "short" });
  return {
    lang: locale,
    title: t("pageTitle"),
    oneTime: t("oneTime"),
    // the sender is placed by the document (escaped there); the marker stands in for it here
    from: t.markup("from", { sender: () => "\u0000" }),
    sentence: t(`closed.${link.state}`, { when }),
    hint: t("askAgain", { sender: link.senderAddress }),
  };
}

