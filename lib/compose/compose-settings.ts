import { z } from "zod";
import { defineSetting } from "@/lib/settings/account-settings";

/** How a new message, reply or forward starts: plain text (the default) or rich text. The
 * composer can switch either way for one message. */
export const composeFormat = defineSetting("compose.format", z.enum(["plain", "html"]), "plain");
