import type { MessageSelection } from "./message-selection";
import { toUidSet } from "./message-selection";
import type { ImapIdentity } from "./session-pool";
import { withMailbox } from "./with-mailbox";

export type FlagName = "seen" | "flagged";

const IMAP_FLAG: Record<FlagName, string> = { seen: "\\Seen", flagged: "\\Flagged" };

/**
 * Sets or clears one flag on the selected messages (UID STORE +FLAGS/-FLAGS.SILENT).
 * @throws PosternError NOT_FOUND | IMAP_UNAVAILABLE
 */
export async function setFlags(
  id: ImapIdentity,
  opts: { folder: string; selection: MessageSelection; flag: FlagName; value: boolean },
): Promise<void> {
  await withMailbox(id, opts.folder, async ({ client, mailbox }) => {
    if (mailbox.exists === 0) return;
    const set = toUidSet(opts.selection);
    const flags = [IMAP_FLAG[opts.flag]];
    if (opts.value) await client.messageFlagsAdd(set, flags, { uid: true, silent: true });
    else await client.messageFlagsRemove(set, flags, { uid: true, silent: true });
  });
}
