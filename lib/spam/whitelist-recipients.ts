import { spamAccount } from "./spam-settings";
import { allowRecipients } from "./spam-store";

/**
 * Whitelists everyone a sent message went to (its envelope: To, Cc and Bcc), except recipients the
 * server refused: people the user writes to are people whose replies are wanted. Never fails the
 * send: the message is already out.
 */
export async function whitelistRecipients(email: string, recipients: string[], rejected: string[] = []): Promise<void> {
  try {
    const refused = new Set(rejected.map((r) => r.toLowerCase()));
    await allowRecipients(spamAccount(email), recipients.filter((r) => !refused.has(r.toLowerCase())));
  } catch (e) {
    console.warn("[spam] recipients not whitelisted:", e);
  }
}
