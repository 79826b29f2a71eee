import { z } from "zod";
import { defineSetting } from "@/lib/settings/account-settings";

/** Days until an unopened read link expires and its content is purged. */
export const readLinkExpiryDays = defineSetting("readLinks.expiryDays", z.number().int().min(1).max(365), 30);

/** Whether the notice mail a recipient gets carries the message's real subject. Off: "A message
 * from …", since the Subject header travels in clear through every server on the way, which
 * would undo part of sealing the message. */
export const readLinkShowSubject = defineSetting("readLinks.showSubject", z.boolean(), false);

/** Whether an opening is also announced by a short message in the sender's own INBOX. */
export const readLinkInboxNotice = defineSetting("readLinks.inboxNotice", z.boolean(), false);
