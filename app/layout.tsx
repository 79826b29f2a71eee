import type { Metadata } from "next";
import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import type { Messages } from "@/lib/i18n/pseudo-locale";
import { clientMessages } from "./i18n/client-messages";
import { TimeZoneCookie } from "./i18n/time-zone-cookie";
import "./globals.css";

// Every page renders per request, the 404 page included: proxy.ts gives each response a fresh CSP
// nonce, and Next can only put it on its scripts while rendering. A prerendered page's scripts
// would carry none and be blocked.
export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("app");
  return { title: "Postern", description: t("description"), icons: { icon: "/favicon.svg" } };
}

/** The page's language (i18n/request.ts) is its `lang`: screen readers pick their voice by it, and
 * Chromium breaks Thai lines between words only when it knows the text is Thai. Client components
 * get the part of the catalog they translate with (client-messages.ts), not all of it. */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, messages] = await Promise.all([getLocale(), getMessages()]);
  return (
    <html lang={locale}>
      <body>
        <NextIntlClientProvider messages={clientMessages(messages as Messages)}>
          {children}
          <TimeZoneCookie />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
