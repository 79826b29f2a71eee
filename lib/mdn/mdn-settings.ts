import { z } from "zod";
import { defineSetting } from "@/lib/settings/account-settings";

/**
 * What to do when a message asks for a read receipt (Disposition-Notification-To). Postern never
 * answers on its own: "ignore" (the default) says nothing, "ask" shows the request with a choice
 * to send a standard receipt (RFC 8098) or not.
 */
export const mdnPolicy = defineSetting("mdn.policy", z.enum(["ignore", "ask"]), "ignore");
