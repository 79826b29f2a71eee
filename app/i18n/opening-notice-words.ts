// The INBOX message that tells a sender a read link was opened (lib/read-links/opening-notices.ts),
// in the sender's language and time zone. It is delivered while the sender's own browser loads a
// mail page, so that request's language (Settings, else the browser's) and `tz` cookie are theirs.
import { createFormatter, createTranslator } from "next-intl";
import type { SayOpeningNotice } from "@/lib/read-links/opening-notices";
import { catalogOf } from "./catalog-of";
import { sayStoredAgent } from "./agent-name";
import { zonedDates } from "./zoned-dates";

/** The notice's words in `locale`, times in `timeZone` ("UTC" when the reader's is not known, and then labelled).
 * Nothing is prepared until a notice is said: most page loads deliver none. */
export function openingNoticeWords(locale: string, timeZone: string): SayOpeningNotice {
  return async (r) => {
    const messages = catalogOf(locale);
    const t = createTranslator({ locale, messages, namespace: "openingNotice" });
    const tAgent = createTranslator({ locale, messages, namespace: "agent" });
    const when = zonedDates(createFormatter({ locale }), timeZone);
    const at = (d: Date) => when(d, { dateStyle: "full", timeStyle: "short" });
    const subject = r.subject || t("noSubject");
    const opened = { recipient: r.recipient, subject, when: at(r.openedAt ?? new Date()) };
    const first = r.openedAgent ? t("openedIn", { ...opened, agent: sayStoredAgent(tAgent, r.openedAgent) }) : t("opened", opened);
    return { subject: t("subject", { subject, recipient: r.recipient }), text: [first, "", t("sent", { when: at(r.createdAt) }), ""].join("\n") };
  };
}
