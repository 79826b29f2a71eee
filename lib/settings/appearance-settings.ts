import { z } from "zod";
import { defineSetting } from "./account-settings";
import { LOCALES } from "@/lib/i18n/locales";

/** Light or dark pages, or whichever the device's system setting says (the default). */
export const THEMES = ["system", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];

export const uiTheme = defineSetting<Theme>("appearance.theme", z.enum(THEMES), "system");

/** The UI language: "auto" follows the browser's Accept-Language (lib/i18n/negotiate-locale.ts). */
export const UI_LANGUAGES = ["auto", ...LOCALES] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

export const uiLanguage = defineSetting<UiLanguage>("appearance.language", z.enum(UI_LANGUAGES), "auto");
