// The sign-in alert (lib/auth/sign-in-alert.ts) in the account owner's language: the language
// chosen in Settings → Appearance, which is the owner's own choice wherever they sign in; only
// when they chose none ("as the browser says"), the language of the browser that signed in, the
// best guess Postern has (it is the owner's browser far more often than not). Said in English
// when that language is English, word for word as before.
import { createFormatter, createTranslator } from "next-intl";
import type { SayAlert } from "@/lib/auth/sign-in-alert";
import { sayAgent } from "./agent-name";
import { englishAlertWords } from "@/lib/auth/sign-in-alert";
import { catalogOf } from "./catalog-of";
import { pseudoLocaleEnabled } from "@/lib/i18n/locales";
import { negotiateLocale } from "@/lib/i18n/negotiate-locale";
import { getSetting } from "@/lib/settings/account-settings";
import { uiLanguage } from "@/lib/settings/appearance-settings";

/** The alert's words for the account, given the signing-in browser's Accept-Language. */
export function sayAlertFor(acceptLanguage: string | null): SayAlert {
  return async (view) => {
    const chosen = await getSetting(view.account, uiLanguage).catch(() => "auto" as const);
    const locale = chosen !== "auto" ? chosen : negotiateLocale(acceptLanguage, { pseudo: pseudoLocaleEnabled() });
    if (locale === "en") return englishAlertWords(view);
    const messages = catalogOf(locale);
    const t = createTranslator({ locale, messages, namespace: "signInAlert" });
    const browser = sayAgent(createTranslator({ locale, messages, namespace: "agent" }), view.agent);
    // the owner's time zone is not known here (the browser may not be theirs): UTC, and it says so
    const when = createFormatter({ locale, timeZone: "UTC" }).dateTime(view.at, { dateStyle: "full", timeStyle: "long" });
    const body = [
      t("intro", { account: view.account }),
      "",
      `${t("when")} ${when}`,
      `${t("browser")} ${browser}`,
      `${t("address")} ${view.address ?? t("unknownAddress")}`,
      "",
      t("ifYou"),
      t("ifNot"),
      "",
      t("turnOff"),
    ].join("\n");
    return { subject: t("subject", { browser }), body };
  };
}
