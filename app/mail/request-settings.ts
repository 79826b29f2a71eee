import { cache } from "react";
import { desktopNotifications } from "@/lib/live/live-settings";
import { mdnPolicy } from "@/lib/mdn/mdn-settings";
import { preferPlainText, trustedImageSenders } from "@/lib/mime/reading-settings";
import { readLinkInboxNotice } from "@/lib/read-links/read-link-settings";
import { getLayeredSettings, readStoredSettings, settingsFrom, storedSettingsCover, type SettingDef, type StoredSettings, type Values } from "@/lib/settings/account-settings";
import { uiLanguage, uiTheme } from "@/lib/settings/appearance-settings";
import { SPAM_SETTINGS } from "@/lib/spam/spam-settings";

/** What the mail page asks for in its several parts: the language (i18n/request.ts), the theme
 * (layout), the reading and notification choices (page), whether read-link openings go to INBOX,
 * and the spam panel's settings. */
const MAIL_PAGE_SETTINGS: readonly SettingDef<unknown>[] = [
  uiLanguage,
  uiTheme,
  preferPlainText,
  trustedImageSenders,
  mdnPolicy,
  desktopNotifications,
  readLinkInboxNotice,
  ...SPAM_SETTINGS,
];

// Per request (React's cache lives as long as one server render), so a change made by any
// process shows on the next request; keyed by a string, which cache() compares by value.
const readOnce = cache((accounts: string) => readStoredSettings(accounts.split("\n"), MAIL_PAGE_SETTINGS));

/** The mail page's settings of `accounts` (layered as getLayeredSettings), read in one query
 * however many parts of the request ask. */
export function requestStoredSettings(accounts: string[]): Promise<StoredSettings> {
  return readOnce(accounts.join("\n"));
}

/** `defs` of `accounts` for this request: from the one read when it holds them, else on their own. */
export async function requestSettings<D extends readonly SettingDef<unknown>[]>(accounts: string[], defs: D): Promise<Values<D>> {
  return settingsIn(await requestStoredSettings(accounts), accounts, defs);
}

/** `defs` of `accounts` from settings read before, or on their own when that read lacks them.
 * For server actions, where React's per-request cache does not hold: read once, pass it on. */
export function settingsIn<D extends readonly SettingDef<unknown>[]>(stored: StoredSettings, accounts: string[], defs: D): Promise<Values<D>> {
  return storedSettingsCover(stored, defs) ? Promise.resolve(settingsFrom(stored, defs)) : getLayeredSettings(accounts, defs);
}
