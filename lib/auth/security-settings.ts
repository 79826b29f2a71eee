import { z } from "zod";
import { defineSetting } from "@/lib/settings/account-settings";

/**
 * A mail in the account's own INBOX when a browser Postern does not know (no device cookie for the
 * account) signs in. Off until the user turns it on: every first sign-in on a new browser, after
 * clearing cookies or in a private window, would otherwise put mail in every user's INBOX, and the
 * alert lands where anyone holding the password can read and delete it over IMAP, so it informs
 * the careful user rather than protecting everyone.
 */
export const signInAlerts = defineSetting("security.signInAlerts", z.boolean(), false);

/** Whether Devices and sessions shows the network each session signed in from (its address's
 * /24 or /48 prefix). Off by default: a shared mailbox's users see each other's sessions. */
export const showSessionNetworks = defineSetting("security.showSessionNetworks", z.boolean(), false);
