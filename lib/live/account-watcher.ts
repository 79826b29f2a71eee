import type { ImapFlow, MailboxObject } from "imapflow";
import { isAuthenticationError } from "@/lib/imap/classify-error";
import { connectImap, type ImapIdentity } from "@/lib/imap/session-pool";
import { LIVE_LINGER_MS, LIVE_RECONNECT_MAX_MS, LIVE_STATUS_INTERVAL_MS } from "@/lib/limits";
import type { LiveEvent, LiveListener, NewMail } from "./live-event";

export type WatcherTimings = { statusIntervalMs: number; lingerMs: number; reconnectMaxMs: number };
export type WatcherConnect = (id: ImapIdentity) => Promise<ImapFlow>;

const DEFAULT_TIMINGS: WatcherTimings = {
  statusIntervalMs: LIVE_STATUS_INTERVAL_MS,
  lingerMs: LIVE_LINGER_MS,
  reconnectMaxMs: LIVE_RECONNECT_MAX_MS,
};

/** Several flag changes (a "mark all read" elsewhere) become one event per folder. */
const COALESCE_MS = 100;
const INBOX = "INBOX";

type FolderStatus = { messages: number; unseen: number; uidNext: number };

/**
 * The watcher connection of its own: it stays in IDLE, which would block the pooled command
 * connection. imapflow re-enters IDLE by itself a moment after each command (auto-IDLE), and any
 * command breaks IDLE first, so status polls and fetches need no IDLE bookkeeping here. QRESYNC
 * (where the server has it) makes the server name the UID in a flag change (RFC 7162 3.2.4).
 */
export const connectWatcher: WatcherConnect = (id) =>
  connectImap(id, { disableAutoIdle: false, autoIdleDelay: 200, maxIdleTime: 4 * 60_000, qresync: true });

const isInbox = (path: string) => path.toUpperCase() === INBOX;

/**
 * Watches one user's mailboxes for all of their tabs over a single IMAP connection: IDLE in the
 * folder the most recently opened tab shows, STATUS every `statusIntervalMs` for the other tabs'
 * folders and INBOX. Reconnects with back-off while a tab listens; logs out `lingerMs` after the
 * last tab left.
 */
export class AccountWatcher {
  private readonly listeners = new Set<LiveListener>();
  private client: ImapFlow | null = null;
  private connecting = false;
  private everConnected = false;
  private stopped = false;
  private work: Promise<void> = Promise.resolve();
  private readonly seen = new Map<string, FolderStatus>();
  private inboxUidNext: number | null = null;
  /** Folders changed since the last broadcast, each with the UIDs whose flags changed when that
   * is all that changed (null: messages came or went, or a change without its UID). */
  private readonly pendingChanges = new Map<string, Set<number> | null>();
  private changeTimer?: NodeJS.Timeout;
  private statusTimer?: NodeJS.Timeout;
  private lingerTimer?: NodeJS.Timeout;
  private reconnectTimer?: NodeJS.Timeout;
  private retryMs = 1000;

  constructor(
    private readonly identity: ImapIdentity,
    private readonly onStopped: () => void,
    private readonly connect: WatcherConnect = connectWatcher,
    private readonly timings: WatcherTimings = DEFAULT_TIMINGS,
  ) {}

  get listenerCount(): number {
    return this.listeners.size;
  }

  get isStopped(): boolean {
    return this.stopped;
  }

  add(listener: LiveListener): void {
    clearTimeout(this.lingerTimer);
    this.listeners.add(listener);
    if (this.client) this.enqueue((c) => this.follow(c));
    else if (!this.connecting && !this.reconnectTimer) void this.start();
  }

  remove(listener: LiveListener): void {
    if (!this.listeners.delete(listener)) return;
    if (this.listeners.size > 0) this.enqueue((c) => this.follow(c));
    else this.lingerTimer = setTimeout(() => void this.stop(), this.timings.lingerMs).unref();
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    for (const t of [this.changeTimer, this.lingerTimer, this.reconnectTimer]) clearTimeout(t);
    clearInterval(this.statusTimer);
    this.onStopped();
    const client = this.client;
    this.client = null;
    if (client?.usable) await client.logout().catch(() => client.close());
    else client?.close();
  }

  /** The folder to IDLE in: the one the newest tab shows. */
  private wantedFolder(): string {
    return [...this.listeners].at(-1)?.folder ?? INBOX;
  }

  private broadcast(event: LiveEvent): void {
    for (const l of this.listeners) l.send(event);
  }

  private markChanged(folder: string, flagsOfUid?: number): void {
    const known = this.pendingChanges.has(folder) ? this.pendingChanges.get(folder)! : new Set<number>();
    this.pendingChanges.set(folder, known && flagsOfUid !== undefined ? known.add(flagsOfUid) : null);
    this.changeTimer ??= setTimeout(() => {
      this.changeTimer = undefined;
      const changes = [...this.pendingChanges];
      this.pendingChanges.clear();
      for (const [folder, uids] of changes) this.broadcast(uids ? { type: "changed", folder, flagsOf: [...uids] } : { type: "changed", folder });
    }, COALESCE_MS);
  }

  /** Runs `task` on the connection after the tasks before it; a failure that left the connection
   * usable is logged and the watch goes on, a dropped connection is handled by its close event. */
  private enqueue(task: (client: ImapFlow) => Promise<void>): void {
    this.work = this.work.then(async () => {
      const client = this.client;
      if (!client?.usable || this.stopped) return;
      try {
        await task(client);
      } catch (e) {
        if (client.usable) console.warn("[live] watcher command failed:", (e as Error).message);
      }
    });
  }

  private async start(): Promise<void> {
    this.connecting = true;
    let client: ImapFlow;
    try {
      client = await this.connect(this.identity);
    } catch (e) {
      this.connecting = false;
      if (isAuthenticationError(e)) {
        this.broadcast({ type: "ended", reason: "The mail server no longer accepts your password. Please sign in again." });
        await this.stop();
      } else this.scheduleReconnect();
      return;
    } finally {
      this.connecting = false;
    }
    if (this.stopped) {
      await client.logout().catch(() => client.close());
      return;
    }
    this.client = client;
    this.retryMs = 1000;
    client.on("exists", (d: { path: string; count: number; prevCount: number }) => this.onExists(d));
    client.on("expunge", (d: { path: string }) => this.markChanged(d.path));
    // with QRESYNC/CONDSTORE the server names the UID, so a tab can tell its own \Seen from news
    client.on("flags", (d: { path: string; uid?: number }) => this.markChanged(d.path, typeof d.uid === "number" && d.uid > 0 ? d.uid : undefined));
    client.on("close", () => this.onClose(client));
    this.seen.clear();
    // The first poll, before "watching" goes out, is the baseline later polls compare with.
    this.enqueue((c) => this.pollStatus(c));
    this.enqueue((c) => this.follow(c));
    // After a reconnect anything may have changed meanwhile: every tab re-reads what it shows.
    if (this.everConnected) for (const l of this.listeners) this.markChanged(l.folder);
    this.everConnected = true;
    this.statusTimer = setInterval(() => this.enqueue((c) => this.pollStatus(c)), this.timings.statusIntervalMs);
    this.statusTimer.unref();
  }

  private onClose(client: ImapFlow): void {
    if (this.client !== client) return;
    this.client = null;
    clearInterval(this.statusTimer);
    if (this.stopped) return;
    if (this.listeners.size > 0) this.scheduleReconnect();
    else void this.stop();
  }

  private scheduleReconnect(): void {
    if (this.stopped || this.reconnectTimer) return;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      if (this.listeners.size > 0) void this.start();
      else void this.stop();
    }, this.retryMs);
    this.reconnectTimer.unref();
    this.retryMs = Math.min(this.retryMs * 2, this.timings.reconnectMaxMs);
  }

  /** Selects (read-only) the folder to IDLE in and tells the tabs where the watch stands. */
  private async follow(client: ImapFlow): Promise<void> {
    const folder = this.wantedFolder();
    const current = client.mailbox ? (client.mailbox as MailboxObject).path : null;
    if (current !== folder) (await client.getMailboxLock(folder, { readOnly: true })).release();
    // Asked every time, not taken from SELECT: messages may have come since, and a tab that
    // joins compares the count with what its page was listed from.
    const status = await client.status(folder, { messages: true, uidNext: true });
    if (!status) return;
    if (isInbox(folder) && this.inboxUidNext === null) this.inboxUidNext = status.uidNext ?? null;
    this.broadcast({ type: "watching", folder, messages: status.messages ?? 0 });
  }

  private onExists(d: { path: string; count: number; prevCount: number }): void {
    this.markChanged(d.path);
    if (isInbox(d.path) && d.count > d.prevCount) this.enqueue((c) => this.announceNewInboxMail(c));
  }

  /** Envelopes of the INBOX messages above the last known UID, broadcast for notifications. */
  private async announceNewInboxMail(client: ImapFlow): Promise<void> {
    const from = this.inboxUidNext;
    if (from === null) return;
    const lock = await client.getMailboxLock(INBOX, { readOnly: true });
    const messages: NewMail[] = [];
    try {
      for await (const m of client.fetch({ uid: `${from}:*` }, { uid: true, envelope: true }, { uid: true })) {
        if (m.uid < from) continue; // "N:*" always includes the last message, even below N
        const sender = m.envelope?.from?.[0];
        messages.push({ uid: m.uid, from: sender?.name || sender?.address || "", subject: m.envelope?.subject ?? "" });
      }
    } finally {
      lock.release();
    }
    if (!messages.length) return;
    this.inboxUidNext = Math.max(...messages.map((m) => m.uid)) + 1;
    this.broadcast({ type: "new-mail", folder: INBOX, messages: messages.slice(-5) });
    if (!isInbox(this.wantedFolder())) await this.follow(client);
  }

  /** STATUS of the tabs' other folders and INBOX; a difference from the last poll is a change. */
  private async pollStatus(client: ImapFlow): Promise<void> {
    const selected = client.mailbox ? (client.mailbox as MailboxObject).path : null;
    const folders = new Set([INBOX, ...[...this.listeners].map((l) => l.folder)]);
    for (const folder of folders) {
      if (folder === selected) continue;
      const st = await client.status(folder, { messages: true, unseen: true, uidNext: true }).catch(() => false as const);
      if (!st) continue;
      const now = { messages: st.messages ?? 0, unseen: st.unseen ?? 0, uidNext: st.uidNext ?? 0 };
      const before = this.seen.get(folder);
      this.seen.set(folder, now);
      if (isInbox(folder) && this.inboxUidNext === null) this.inboxUidNext = now.uidNext;
      if (!before || (before.messages === now.messages && before.unseen === now.unseen && before.uidNext === now.uidNext)) continue;
      this.markChanged(folder);
      if (isInbox(folder) && now.uidNext > before.uidNext) await this.announceNewInboxMail(client);
    }
  }
}
