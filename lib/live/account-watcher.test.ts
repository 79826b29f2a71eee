import { EventEmitter } from "node:events";
import type { ImapFlow } from "imapflow";
import { describe, expect, it } from "vitest";
import { AccountWatcher } from "./account-watcher";
import type { LiveEvent } from "./live-event";

// The real IDLE/STATUS behaviour is tested against Dovecot (tests/integration/live.test.ts); this
// fake connection checks the bookkeeping around it: which folder, when to connect and let go.
class FakeImap extends EventEmitter {
  usable = true;
  mailbox: { path: string } | false = false;
  selected: string[] = [];
  loggedOut = false;
  async getMailboxLock(path: string) {
    this.mailbox = { path };
    this.selected.push(path);
    return { release: () => undefined };
  }
  async status() {
    return { messages: 3, unseen: 1, uidNext: 4 };
  }
  async logout() {
    this.loggedOut = true;
    this.usable = false;
  }
  close() {
    this.usable = false;
    this.emit("close");
  }
}

const identity = { sessionId: "s", credentials: { user: "u", pass: "p" }, clientIp: null };
const timings = { statusIntervalMs: 60_000, lingerMs: 20, reconnectMaxMs: 20 };

async function until(cond: () => boolean, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error("condition not met");
    await new Promise((r) => setTimeout(r, 5));
  }
}

function setup(connect?: () => Promise<ImapFlow>) {
  const clients: FakeImap[] = [];
  let stopped = 0;
  const watcher = new AccountWatcher(
    identity,
    () => void stopped++,
    connect ??
      (async () => {
        const c = new FakeImap();
        clients.push(c);
        return c as unknown as ImapFlow;
      }),
    timings,
  );
  return { watcher, clients, stopped: () => stopped };
}

describe("AccountWatcher", () => {
  it("IDLEs in the folder of the newest tab and goes back when that tab leaves", async () => {
    const { watcher, clients } = setup();
    const events: LiveEvent[] = [];
    const inbox = { folder: "INBOX", send: (e: LiveEvent) => events.push(e) };
    const work = { folder: "Work", send: () => undefined };
    watcher.add(inbox);
    await until(() => events.some((e) => e.type === "watching"));
    expect(events).toContainEqual({ type: "watching", folder: "INBOX", messages: 3 });
    watcher.add(work);
    await until(() => clients[0].selected.at(-1) === "Work");
    watcher.remove(work);
    await until(() => clients[0].selected.at(-1) === "INBOX");
    expect(clients).toHaveLength(1);
  });

  it("logs out a while after the last tab left, unless a tab comes back", async () => {
    const { watcher, clients, stopped } = setup();
    const tab = { folder: "INBOX", send: () => undefined };
    watcher.add(tab);
    await until(() => clients.length === 1 && clients[0].selected.length > 0);
    watcher.remove(tab);
    watcher.add(tab); // back within the linger time: same connection
    await new Promise((r) => setTimeout(r, timings.lingerMs * 3));
    expect(clients[0].loggedOut).toBe(false);
    watcher.remove(tab);
    await until(() => clients[0].loggedOut);
    expect(stopped()).toBe(1);
  });

  it("reconnects after the server drops the connection and tells tabs to re-read", async () => {
    const { watcher, clients } = setup();
    const events: LiveEvent[] = [];
    watcher.add({ folder: "INBOX", send: (e) => events.push(e) });
    await until(() => clients.length === 1 && clients[0].selected.length > 0);
    clients[0].close();
    await until(() => clients.length === 2 && clients[1].selected.length > 0);
    await until(() => events.some((e) => e.type === "changed"));
    await watcher.stop();
  });

  it("names the UIDs when only flags changed, so a tab can tell its own \\Seen from news", async () => {
    const { watcher, clients } = setup();
    const events: LiveEvent[] = [];
    watcher.add({ folder: "INBOX", send: (e) => events.push(e) });
    await until(() => clients.length === 1 && clients[0].selected.length > 0);
    clients[0].emit("flags", { path: "INBOX", uid: 7 });
    clients[0].emit("flags", { path: "INBOX", uid: 9 });
    await until(() => events.some((e) => e.type === "changed"));
    expect(events.filter((e) => e.type === "changed")).toEqual([{ type: "changed", folder: "INBOX", flagsOf: [7, 9] }]);
    // a flag change without its UID, or mail that came, is a plain change
    clients[0].emit("flags", { path: "INBOX", uid: 7 });
    clients[0].emit("exists", { path: "INBOX", count: 4, prevCount: 4 });
    await until(() => events.filter((e) => e.type === "changed").length === 2);
    expect(events.filter((e) => e.type === "changed")[1]).toEqual({ type: "changed", folder: "INBOX" });
    await watcher.stop();
  });

  it("gives up with an 'ended' event when the password is refused", async () => {
    const events: LiveEvent[] = [];
    const { watcher, stopped } = setup(async () => {
      throw Object.assign(new Error("auth"), { authenticationFailed: true });
    });
    watcher.add({ folder: "INBOX", send: (e) => events.push(e) });
    await until(() => stopped() === 1);
    expect(events[0]?.type).toBe("ended");
  });
});
