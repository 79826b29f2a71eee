// A reply's attribution and a forward's header block in the writer's language and time zone, as
// Gmail, Thunderbird and Roundcube write them: the writer chose that language, and the line is
// theirs. English keeps its established form ("On Mon, 2 Mar 2026 at 10:00, … wrote:").
import { createFormatter, createTranslator } from "next-intl";
import { englishQuoteWords, type QuoteWords } from "@/lib/compose/quote-original";
import { catalogOf } from "./catalog-of";
import { zonedDates } from "./zoned-dates";

/** `timeZone`: the writer's (the request's `tz` cookie), "UTC" when unknown, and then said. */
export function quoteWordsFor(locale: string, timeZone: string): QuoteWords {
  if (locale === "en") return englishQuoteWords(timeZone);
  const t = createTranslator({ locale, messages: catalogOf(locale), namespace: "quote" });
  const when = zonedDates(createFormatter({ locale }), timeZone);
  return {
    date: (iso) => {
      const d = new Date(iso);
      return Number.isNaN(d.getTime()) ? "" : when(d, { dateStyle: "medium", timeStyle: "short" });
    },
    wrote: (sender, date) => (date ? t("wrote", { sender, date }) : t("wroteUndated", { sender })),
    forwardHeading: t("forwardHeading"),
    labels: { from: t("from"), date: t("date"), subject: t("subject"), to: t("to"), cc: t("cc") },
  };
}
