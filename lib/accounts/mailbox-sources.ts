import type { ImapIdentity } from "@/lib/imap/session-pool";
import type { InboxSource } from "@/lib/imap/list-unified-inbox";
import { accountIdentities } from "./account-identity";

/** Every mailbox the user reads, their own first (keyed null), then each added account by id:
 * what the unified inbox and unified search go through. */
export async function mailboxSources(session: { id: string; email: string; clientIp: string | null }, own: ImapIdentity): Promise<InboxSource[]> {
  const others = await accountIdentities(session);
  return [{ key: null, label: session.email, identity: own }, ...others.map((o) => ({ key: o.account!.id, label: o.label, identity: o }))];
}
