import { getConfig } from "@/lib/env";
import { getSetting } from "@/lib/settings/account-settings";
import { readLinkExpiryDays, readLinkShowSubject } from "./read-link-settings";
import type { ReadLinkContext } from "./send-read-links";

/**
 * What sending with read links needs to know about the sender: links point at PUBLIC_URL, or at
 * the address the sender's own browser used (the send route has checked it is this host); they
 * last `days`, or as long as the account's setting says.
 */
export async function readLinkContext(account: string, requestOrigin: string, days: number | null = null): Promise<ReadLinkContext> {
  return {
    account,
    baseUrl: getConfig().PUBLIC_URL ?? requestOrigin,
    expiresInDays: days ?? (await getSetting(account, readLinkExpiryDays)),
    showSubject: await getSetting(account, readLinkShowSubject),
  };
}
