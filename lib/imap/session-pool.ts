import { ImapFlow, type ImapFlowOptions } from "imapflow";
import { toAccountConnectError } from "@/lib/accounts/account-check-error";
import { accountImapOptions } from "@/lib/accounts/server-options";
import type { UserServer } from "@/lib/accounts/account-types";
import type { MailCredentials } from "@/lib/auth/credentials";
import { getConfig } from "@/lib/env";
import { PosternError } from "@/lib/http/errors";
import { IMAP_IDLE_CLOSE_MS, IMAP_MAX_CONCURRENT_CONNECTS } from "@/lib/limits";
import { instrumentImapCommands } from "@/lib/observability/imap-command-metrics";
import { toPosternError } from "./classify-error";
import { imapOptions } from "./connection-options";

/** What the pool needs to know about a signed-in user. `account`: one of the other mailboxes the
 * user added (lib/accounts), on its own server; absent for the session's own mailbox. */
export type ImapIdentity = {
  sessionId: string;
  credentials: MailCredentials;
  clientIp: string | null;
  account?: { id: string; server: UserServer; smtp?: UserServer };
};

// An added account's connection belongs to its session (released with it) but is its own entry.
const ACCOUNT_SEPARATOR = "\u0000";

/** The pool entry of an identity: the session id for the session's own mailbox. */
export function poolKey(id: { sessionId: string; account?: { id: string } }): string {
  return id.account ? `${id.sessionId}${ACCOUNT_SEPARATOR}${id.account.id}` : id.sessionId;
}
const sessionOf = (key: string) => key.split(ACCOUNT_SEPARATOR)[0];

/** Which mailbox an identity reads, for the caches shared across sessions (row summaries): the
 * login for the installation's own server; the login and the server as typed for an added
 * account, so a login of the same name on another server (which anyone can set up, with any
 * UIDVALIDITY) never meets the rows of this one. */
export function mailboxCacheKey(id: Pick<ImapIdentity, "credentials" | "account">): string {
  if (!id.account) return id.credentials.user;
  const { host, port } = id.account.server;
  // a line break: no IMAP login holds one, and the key may be stored (ThreadHeaders), where NUL cannot
  return `${id.credentials.user}\n${host.trim().toLowerCase()}:${port}`;
}

/** What opening a connection needs: a sign-in has no session yet. */
type ConnectIdentity = Pick<ImapIdentity, "credentials" | "clientIp" | "account">;

type Entry = { client?: ImapFlow; connecting?: Promise<ImapFlow>; lastUsed: number };

/**
 * Owns every ImapFlow of the process: one connection per session, reused across requests,
 * replaced when the server drops it, closed when idle, on sign-out, or to stay under the cap.
 * Nothing else creates ImapFlow objects for signed-in users.
 */
export class SessionPool {
  private readonly entries = new Map<string, Entry>();
  private readonly sweeper: NodeJS.Timeout;
  private opening = 0;
  private readonly turns: (() => void)[] = [];

  constructor(
    private readonly maxConnections: number,
    private readonly idleCloseMs = IMAP_IDLE_CLOSE_MS,
    private readonly connect: (id: ConnectIdentity) => Promise<ImapFlow> = connectImap,
    private readonly maxOpening = IMAP_MAX_CONCURRENT_CONNECTS,
  ) {
    this.sweeper = setInterval(() => this.closeIdle(), Math.min(idleCloseMs, 30_000));
    this.sweeper.unref();
  }

  /** A usable connection for this session, opening (or re-opening) one if needed.
   * @throws PosternError INVALID_CREDENTIALS | IMAP_UNAVAILABLE | TOO_MANY_CONNECTIONS */
  async get(id: ImapIdentity): Promise<ImapFlow> {
    const key = poolKey(id);
    const entry = this.entries.get(key);
    if (entry) {
      entry.lastUsed = Date.now();
      if (entry.client?.usable) return entry.client;
      if (entry.connecting) return entry.connecting;
    }
    this.makeRoom(key);
    const fresh: Entry = { lastUsed: Date.now() };
    fresh.connecting = this.connectInTurn(id)
      .then((client) => {
        fresh.client = client;
        fresh.connecting = undefined;
        this.watch(key, client);
        return client;
      })
      .catch((e) => {
        if (this.entries.get(key) === fresh) this.entries.delete(key);
        throw toPosternError(e);
      });
    this.entries.set(key, fresh);
    return fresh.connecting;
  }

  /** Takes over a connection opened elsewhere (the sign-in check), saving a second LOGIN. */
  adopt(sessionId: string, client: ImapFlow): void {
    this.makeRoom(sessionId);
    this.entries.set(sessionId, { client, lastUsed: Date.now() });
    this.watch(sessionId, client);
  }

  /** Drops a connection that failed mid-command so the next get() opens a new one.
   * `key`: a session id, or poolKey() of an added account's identity. */
  discard(key: string, client: ImapFlow): void {
    if (this.entries.get(key)?.client === client) this.entries.delete(key);
    client.close();
  }

  /** Logs out and forgets the session's connections, its added accounts' too (sign-out). */
  async release(sessionId: string): Promise<void> {
    const keys = [...this.entries.keys()].filter((k) => sessionOf(k) === sessionId);
    await Promise.all(keys.map((k) => this.releaseEntry(k)));
  }

  /** Logs out and forgets one connection (idle timeout, an account removed). */
  async releaseEntry(key: string): Promise<void> {
    const entry = this.entries.get(key);
    this.entries.delete(key);
    const client = entry?.client ?? (await entry?.connecting?.catch(() => undefined));
    if (client?.usable) await client.logout().catch(() => client.close());
    else client?.close();
  }

  get size(): number {
    return this.entries.size;
  }

  /** The sessions this process holds a connection for. */
  sessionIds(): string[] {
    return [...new Set([...this.entries.keys()].map(sessionOf))];
  }

  async closeAll(): Promise<void> {
    clearInterval(this.sweeper);
    await Promise.all([...this.entries.keys()].map((k) => this.releaseEntry(k)));
  }

  private watch(sessionId: string, client: ImapFlow): void {
    // The server closed it (restart, timeout): forget it; the next request reconnects.
    client.on("close", () => {
      if (this.entries.get(sessionId)?.client === client) this.entries.delete(sessionId);
    });
    client.on("error", () => undefined); // surfaced to the caller of the failing command
  }

  /** A new connection for a sign-in, which checks the password with it and then hands it to
   * adopt(). It waits its turn like every reconnect: 200 people signing in at once otherwise
   * start 200 TLS handshakes and LOGINs together, and most time out (bench row 4r). */
  openForSignIn(id: Pick<ImapIdentity, "credentials" | "clientIp">): Promise<ImapFlow> {
    return this.connectInTurn(id);
  }

  /** Opens at most `maxOpening` connections at once; the rest queue (see IMAP_MAX_CONCURRENT_CONNECTS). */
  private async connectInTurn(id: ConnectIdentity): Promise<ImapFlow> {
    while (this.opening >= this.maxOpening) await new Promise<void>((wake) => this.turns.push(wake));
    this.opening++;
    try {
      return await this.connect(id);
    } finally {
      this.opening--;
      this.turns.shift()?.();
    }
  }

  private makeRoom(forSession: string): void {
    if (this.entries.has(forSession) || this.entries.size < this.maxConnections) return;
    const idle = [...this.entries.entries()]
      .filter(([, e]) => e.client)
      .sort((a, b) => a[1].lastUsed - b[1].lastUsed)[0];
    if (!idle) {
      throw new PosternError("TOO_MANY_CONNECTIONS", "Postern is serving too many users right now. Please try again shortly.");
    }
    void this.releaseEntry(idle[0]);
  }

  private closeIdle(): void {
    const cutoff = Date.now() - this.idleCloseMs;
    for (const [key, e] of this.entries) if (e.client && e.lastUsed < cutoff) void this.releaseEntry(key);
  }
}

/** Opens and authenticates one connection; `overrides` for the few that differ from the command
 * connection (the live watcher's, which IDLEs). An added account's server is checked at every
 * connect (lib/net/user-host.ts), so a name that now resolves inside the network is refused.
 * @throws imapflow/socket errors (see classify-error), PosternError HOST_REFUSED */
export async function connectImap(
  id: Pick<ImapIdentity, "credentials" | "clientIp" | "account">,
  overrides: Partial<ImapFlowOptions> = {},
): Promise<ImapFlow> {
  const options = id.account
    ? await accountImapOptions(id.account.server, id.credentials, { clientIp: id.clientIp })
    : imapOptions(getConfig(), id.credentials, id.clientIp);
  const client = new ImapFlow({ ...options, ...overrides });
  client.on("error", () => undefined); // a late socket error must not crash the process
  instrumentImapCommands(client);
  try {
    await client.connect();
  } catch (e) {
    if (!id.account) throw e;
    client.close();
    throw toAccountConnectError(e, id.account.server);
  }
  return client;
}

const holder = globalThis as unknown as { posternPool?: SessionPool };

/** The process-wide pool (kept on globalThis across Next dev reloads). */
export function getPool(): SessionPool {
  holder.posternPool ??= new SessionPool(getConfig().IMAP_MAX_CONNECTIONS);
  return holder.posternPool;
}
