import type { ImapIdentity } from "./session-pool";
import { withConnection } from "./with-mailbox";

export type QuotaUsage = { usedBytes: number; limitBytes: number };

/** Storage use of the folder's quota root (GETQUOTAROOT), or null when the server has no quota. */
export async function getQuota(id: ImapIdentity, folder = "INBOX"): Promise<QuotaUsage | null> {
  return withConnection(id, async (client) => {
    if (!client.capabilities.has("QUOTA")) return null;
    const q = await client.getQuota(folder);
    if (!q || !q.storage?.limit) return null;
    return { usedBytes: q.storage.usage ?? 0, limitBytes: q.storage.limit };
  });
}
