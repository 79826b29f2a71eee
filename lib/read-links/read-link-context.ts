import { getConfig } from "@/lib/env";
import { getSetting } from "@/lib/settings/account-settings";
import { readLinkExpiryDays } from "./read-link-settings";
import type { ReadLinkContext } from "./send-read-links";

/**
 * What sending with read links needs to know about the sender: links point at PUBLIC_URL, or at
 * the address the sender's own browser used (the send route has checked it is this host).
 */
export async function readLinkContext(account: string, requestOrigin: string): Promise<ReadLinkContext> {
  return {
    account,
    baseUrl: getConfig().PUBLIC_URL ?? requestOrigin,
    expiresInDays: await getSetting(account, readLinkExpiryDays),
  };
}
