import { EventEmitter } from "node:events";
import type { ImapFlow } from "imapflow";
import { describe, expect, it } from "vitest";
import { SessionPool, type ImapIdentity } from "./session-pool";

const identity = (n: number): ImapIdentity => ({ sessionId: `s${n}`, credentials: { user: "u", pass: "p" }, clientIp: null });

function fakeClient(): ImapFlow {
  return Object.assign(new EventEmitter(), { usable: true, close() {}, logout: async () => {} }) as unknown as ImapFlow;
}

describe("SessionPool", () => {
  it("opens at most maxOpening connections at once and queues the rest, so a reconnect storm waits instead of failing", async () => {
    let open = 0;
    let peak = 0;
    const pending: (() => void)[] = [];
    const connect = () =>
      new Promise<ImapFlow>((resolve) => {
        open++;
        peak = Math.max(peak, open);
        pending.push(() => {
          open--;
          resolve(fakeClient());
        });
      });
    const pool = new SessionPool(100, 60_000, connect, 3);
    const all = Promise.all(Array.from({ length: 10 }, (_, i) => pool.get(identity(i))));
    // Let every get() reach the pool's queue, then finish connections one by one.
    for (let done = 0; done < 10; done++) {
      await expect.poll(() => pending.length).toBeGreaterThan(0);
      expect(open).toBeLessThanOrEqual(3);
      pending.shift()!();
    }
    expect((await all).length).toBe(10);
    expect(peak).toBe(3);
    await pool.closeAll();
  });

  it("makes sign-ins wait their turn with the reconnects, so a rush of them queues instead of timing out", async () => {
    let open = 0;
    let peak = 0;
    const connect = async () => {
      open++;
      peak = Math.max(peak, open);
      await new Promise((r) => setImmediate(r));
      open--;
      return fakeClient();
    };
    const pool = new SessionPool(100, 60_000, connect, 2);
    const signIns = Array.from({ length: 6 }, () => pool.openForSignIn({ credentials: { user: "u", pass: "p" }, clientIp: null }));
    const reconnects = Array.from({ length: 3 }, (_, i) => pool.get(identity(i)));
    expect(await Promise.all([...signIns, ...reconnects])).toHaveLength(9);
    expect(peak).toBe(2);
    await pool.closeAll();
  });

  it("lets the next waiting connect go when one fails", async () => {
    let calls = 0;
    const connect = async () => {
      calls++;
      if (calls === 1) throw new Error("ECONNREFUSED");
      return fakeClient();
    };
    const pool = new SessionPool(100, 60_000, connect, 1);
    const [a, b] = await Promise.allSettled([pool.get(identity(1)), pool.get(identity(2))]);
    expect(a.status).toBe("rejected");
    expect(b.status).toBe("fulfilled");
    await pool.closeAll();
  });
});

describe("SessionPool and added accounts", () => {
  const account = (n: number, id: string): ImapIdentity => ({ ...identity(n), account: { id, server: { host: "mail.example.com", port: 993, security: "tls" } } });

  it("keeps an added account's connection apart from the session's own, and releases both with the session", async () => {
    const opened: ImapFlow[] = [];
    const pool = new SessionPool(100, 60_000, async () => {
      const c = fakeClient();
      opened.push(c);
      return c;
    });
    const own = await pool.get(identity(1));
    const other = await pool.get(account(1, "a1"));
    expect(other).not.toBe(own);
    expect(await pool.get(account(1, "a1"))).toBe(other);
    expect(pool.sessionIds()).toEqual(["s1"]);
    await pool.release("s1");
    expect(pool.size).toBe(0);
    await pool.closeAll();
  });
});
