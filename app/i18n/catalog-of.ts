// A language's whole catalog, typed for next-intl's createTranslator, for words said outside a
// page's request config: mail Postern writes into a mailbox, and the proxy's closed-link page.
import type { createTranslator } from "next-intl";
import { loadMessages } from "@/lib/i18n/load-messages";

type IntlMessages = Parameters<typeof createTranslator>[0]["messages"];

export function catalogOf(locale: string): IntlMessages {
  return loadMessages(locale) as IntlMessages;
}
