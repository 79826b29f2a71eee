import { z } from "zod";
import { defineSetting } from "./account-settings";

/** Light or dark pages, or whichever the device's system setting says (the default). */
export const THEMES = ["system", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];

export const uiTheme = defineSetting<Theme>("appearance.theme", z.enum(THEMES), "system");
