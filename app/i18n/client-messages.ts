import type { Messages } from "@/lib/i18n/pseudo-locale";

/**
 * The catalog namespaces client components translate with (useTranslations in a module of the
 * browser's bundle). Only these go to the browser with each page (NextIntlClientProvider in
 * app/layout.tsx): the rest of the catalog, most of it, is used on the server alone and would
 * otherwise be serialized into every page's HTML. client-messages.test.ts checks the list
 * against the client modules' code.
 */
export const CLIENT_NAMESPACES = [
  "accounts",
  "allSearch",
  "common",
  "compose",
  "composeLinks",
  "contacts",
  "editor",
  "errorDetails",
  "errors",
  "filters",
  "folderTree",
  "headers",
  "learn",
  "list",
  "live",
  "mdn",
  "news",
  "notices",
  "notificationPermission",
  "pager",
  "print",
  "readLink",
  "search",
  "security",
  "shortcuts",
  "signIn",
  "sort",
  "spamPanel",
  "spamRules",
  "spamWhy",
  "verify",
] as const;

/** The part of a catalog the browser needs. */
export function clientMessages(all: Messages): Messages {
  return Object.fromEntries(CLIENT_NAMESPACES.filter((ns) => ns in all).map((ns) => [ns, all[ns]]));
}
