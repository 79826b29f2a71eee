// The composer's sentence for a message that did not go out, in the reader's language. English
// keeps lib/compose/not-sent-notice.ts's sentence, which weaves the error's own words in; other
// languages say the error by its code and detail (app/i18n/say-error.ts).
import { notSentNotice } from "@/lib/compose/not-sent-notice";
import { sayError, type RootTranslate, type SaidError } from "@/app/i18n/say-error";

/** "Not sent — saved in Drafts: <reason>", or, when not even the draft was saved, "Not sent: <reason> Your message is still here." */
export function notSentText(locale: string, t: RootTranslate, error: SaidError | null, keptInDrafts = true): string {
  if (locale === "en") return notSentNotice(error?.message ?? null, keptInDrafts);
  const reason = error ? sayError(locale, t, error) : "none";
  return t(keptInDrafts ? "compose.notSentKept" : "compose.notSentHere", { reason });
}
