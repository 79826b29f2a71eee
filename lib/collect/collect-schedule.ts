import { liveIdentities, liveOwners } from "@/lib/auth/live-sessions";
import { getDb } from "@/lib/db/client";
import { POP3_FETCH_INTERVAL_MS } from "@/lib/limits";
import { collectPop3Account } from "./collect-pop3-account";
import { getPop3Account } from "./pop3-account-store";

/** Accounts one tick of one process fetches at most (one after the other: the machine is shared). */
const ACCOUNTS_PER_TICK = 20;
/** How often each process looks for due accounts. */
export const COLLECT_TICK_MS = 60_000;

/**
 * Fetches the POP3 accounts due (not tried for POP3_FETCH_INTERVAL_MS) whose owner has a live
 * session, whose IMAP identity stores the mail. Every process runs this; an account's lease
 * (collectPop3Account) keeps two from fetching it at once, and the attempt time it stamps keeps
 * the others from trying again before the interval. Failures are recorded on the account.
 */
export async function collectDueAccounts(now = new Date()): Promise<number> {
  const live = await liveOwners(now);
  if (!live.size) return 0;
  // only owners with a live session: the others' accounts must not take this tick's places
  const due = await getDb().pop3Account.findMany({
    where: { owner: { in: [...live] }, OR: [{ lastAttemptAt: null }, { lastAttemptAt: { lt: new Date(now.getTime() - POP3_FETCH_INTERVAL_MS) } }] },
    select: { id: true, owner: true },
    orderBy: { lastAttemptAt: { sort: "asc", nulls: "first" } },
    take: ACCOUNTS_PER_TICK,
  });
  if (!due.length) return 0;
  const identities = await liveIdentities(new Set(due.map((d) => d.owner)), now);
  let runs = 0;
  for (const d of due) {
    const id = identities.get(d.owner);
    if (!id) continue;
    try {
      const result = await collectPop3Account(id, await getPop3Account(d.owner, d.id));
      if (result.ran) runs++;
    } catch {
      // recorded on the account for its owner (lastError)
    }
  }
  return runs;
}

/** Starts the schedule in this process (instrumentation.ts). */
export function startCollectSchedule(): void {
  const tick = () => void collectDueAccounts().catch((e) => console.error("[collect]", e));
  setInterval(tick, COLLECT_TICK_MS).unref();
}
