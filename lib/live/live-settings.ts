import { z } from "zod";
import { defineSetting } from "@/lib/settings/account-settings";

/** Show a desktop notification (browser Notification API) for new INBOX mail while Postern is open. */
export const desktopNotifications = defineSetting("live.desktopNotifications", z.boolean(), false);
