import { getConfig } from "@/lib/env";
import { PosternError } from "@/lib/http/errors";
import type { ImapIdentity } from "@/lib/imap/session-pool";
import { AccountWatcher, connectWatcher, type WatcherConnect, type WatcherTimings } from "./account-watcher";
import type { LiveListener } from "./live-event";

/**
 * One AccountWatcher per signed-in account, whatever the number of its tabs and sessions, and at
 * most `maxWatchers` in the process: each costs an IMAP connection here and a process on the mail
 * server. Per process: every event comes from the IMAP server (IDLE, STATUS), so a user's tabs on
 * two processes each get them from that process's own watcher.
 */
export class WatchRegistry {
  private readonly watchers = new Map<string, AccountWatcher>();

  constructor(
    private readonly maxWatchers: number,
    private readonly connect: WatcherConnect = connectWatcher,
    private readonly timings?: WatcherTimings,
  ) {}

  /** Starts telling `listener` about `account`'s mail; call the returned function when the tab goes.
   * @throws PosternError TOO_MANY_CONNECTIONS when the process watches as many accounts as allowed */
  subscribe(account: string, identity: ImapIdentity, listener: LiveListener): () => void {
    const key = account.trim().toLowerCase();
    let watcher = this.watchers.get(key);
    if (!watcher || watcher.isStopped) {
      if (this.watchers.size >= this.maxWatchers) {
        throw new PosternError("TOO_MANY_CONNECTIONS", "Live updates are not available right now; reload to see new mail.");
      }
      const created: AccountWatcher = new AccountWatcher(
        identity,
        () => {
          if (this.watchers.get(key) === created) this.watchers.delete(key);
        },
        this.connect,
        this.timings,
      );
      watcher = created;
      this.watchers.set(key, watcher);
    }
    const w = watcher;
    w.add(listener);
    return () => w.remove(listener);
  }

  get size(): number {
    return this.watchers.size;
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.watchers.values()].map((w) => w.stop()));
  }
}

const holder = globalThis as unknown as { posternWatchRegistry?: WatchRegistry };

/** The process-wide registry (kept on globalThis across Next dev reloads). */
export function getWatchRegistry(): WatchRegistry {
  holder.posternWatchRegistry ??= new WatchRegistry(getConfig().LIVE_MAX_WATCHERS);
  return holder.posternWatchRegistry;
}
