import { mailboxesOf, parseAddressField } from "@/lib/compose/parse-addresses";
import type { ComposeSubmission } from "@/lib/compose/submission";
import type { Delivered } from "@/lib/smtp/send-message";
import { recordRecipients } from "./contact-store";

/**
 * After a send: the recipients the server accepted become (or stay) contacts, with the names the
 * user typed. A failure here is logged, never reported as a failed send: the mail went out.
 */
export async function rememberContacts(account: string, s: Pick<ComposeSubmission, "to" | "cc" | "bcc">, delivered: Delivered): Promise<void> {
  const refused = new Set(delivered.rejected.map((r) => r.recipient.toLowerCase()));
  const recipients = [s.to, s.cc, s.bcc].flatMap((field) => mailboxesOf(parseAddressField(field).entries)).filter((a) => !refused.has(a.address.toLowerCase()));
  await recordRecipients(account, recipients).catch((e: unknown) => console.warn("[contacts] recipients not remembered:", e));
}
