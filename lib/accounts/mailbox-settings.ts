import { z } from "zod";
import { composeFormat } from "@/lib/compose/compose-settings";
import { mdnPolicy } from "@/lib/mdn/mdn-settings";
import { clearSetting, getStoredSetting, setSetting } from "@/lib/settings/account-settings";
import { getAccount } from "./account-store";
import { mailAccountKey } from "./mailbox-owner";

/** The settings an added mailbox may have of its own (issue 22: a work mailbox writes rich text
 * and answers read receipts, a private one not); "inherit" follows the user's Settings. The rest
 * (reading, appearance, the spam filter) are the person's, whichever mailbox they read. */
export const mailboxSettingsInput = z.object({
  format: z.enum(["inherit", "plain", "html"]),
  mdn: z.enum(["inherit", "ignore", "ask"]),
});
export type MailboxSettings = z.infer<typeof mailboxSettingsInput>;

/** What the added account `id` has set for itself.
 * @throws PosternError NOT_FOUND (not an account of this owner) */
export async function readMailboxSettings(owner: string, id: string): Promise<MailboxSettings> {
  await getAccount(owner, id);
  const key = mailAccountKey(owner, id);
  const [format, mdn] = await Promise.all([getStoredSetting(key, composeFormat), getStoredSetting(key, mdnPolicy)]);
  return { format: format ?? "inherit", mdn: mdn ?? "inherit" };
}

/** Stores the account's own choices; "inherit" removes one, so the user's applies again.
 * @throws PosternError NOT_FOUND (not an account of this owner) */
export async function saveMailboxSettings(owner: string, id: string, input: MailboxSettings): Promise<void> {
  await getAccount(owner, id);
  const key = mailAccountKey(owner, id);
  await (input.format === "inherit" ? clearSetting(key, composeFormat) : setSetting(key, composeFormat, input.format));
  await (input.mdn === "inherit" ? clearSetting(key, mdnPolicy) : setSetting(key, mdnPolicy, input.mdn));
}
