import type { ImapIdentity } from "./session-pool";
import { withMailbox } from "./with-mailbox";

/**
 * Adds one flag or keyword (\Answered, $Forwarded) to one message; a message that is gone by
 * now is no error (nothing to mark).
 * @throws PosternError NOT_FOUND (no such folder) | IMAP_UNAVAILABLE
 */
export async function addFlag(id: ImapIdentity, opts: { folder: string; uid: number; flag: string }): Promise<void> {
  await withMailbox(id, opts.folder, async ({ client }) => {
    await client.messageFlagsAdd(String(opts.uid), [opts.flag], { uid: true, silent: true });
  });
}
