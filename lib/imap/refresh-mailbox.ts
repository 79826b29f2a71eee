import type { ImapIdentity } from "./session-pool";
import { withMailbox } from "./with-mailbox";

/**
 * Makes the session's connection learn about messages that arrived in `folder` since it was
 * selected (NOOP: the server then announces them). The pooled connection keeps a folder
 * selected between requests, and Dovecot answers a UID FETCH only for messages it has announced,
 * so a message delivered a moment ago is otherwise "not found".
 */
export async function refreshMailbox(id: ImapIdentity, folder: string): Promise<void> {
  await withMailbox(id, folder, async ({ client }) => {
    await client.noop();
  });
}
