import crypto from "node:crypto";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { getConfig } from "@/lib/env";
import { connectImap } from "@/lib/imap/session-pool";
import { connectWatcher } from "@/lib/live/account-watcher";
import { liveEventStream } from "@/lib/live/event-stream";
import type { LiveEvent } from "@/lib/live/live-event";
import { WatchRegistry } from "@/lib/live/watch-registry";
import { createSmtpTransport } from "@/lib/smtp/transport";
import { BOB, signInAs } from "./helpers";

// carol keeps a tab open (an event stream, read here byte by byte as a browser would); bob sends
// her mail through the lab's submission server. Subjects carry a per-run tag. (carol, not alice:
// later files count alice's seeded INBOX.)
const CAROL = { email: "carol@example.test", password: "carol-pass" };
const TAG = crypto.randomBytes(4).toString("hex");
const root = path.resolve(import.meta.dirname, "../..");
const registry = new WatchRegistry(2, connectWatcher, { statusIntervalMs: 1_000, lingerMs: 200, reconnectMaxMs: 2_000 });
const aborts: AbortController[] = [];

afterEach(() => {
  for (const a of aborts.splice(0)) a.abort();
});
afterAll(() => registry.closeAll());

/** Reads a text/event-stream body and hands out its events in order, waiting for the next one. */
class EventReader {
  private buffer = "";
  private readonly events: LiveEvent[] = [];
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private readonly decoder = new TextDecoder();
  /** A read that lost a race with the deadline is still pending: the next wait takes it over. */
  private pending: Promise<ReadableStreamReadResult<Uint8Array>> | null = null;
  constructor(stream: ReadableStream<Uint8Array>) {
    this.reader = stream.getReader();
  }
  /** The next event matching `pred`, or an error after `timeoutMs`. */
  async waitFor(pred: (e: LiveEvent) => boolean, timeoutMs: number): Promise<LiveEvent> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const i = this.events.findIndex(pred);
      if (i >= 0) return this.events.splice(i, 1)[0];
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching event within ${timeoutMs} ms`);
      let timer: NodeJS.Timeout | undefined;
      this.pending ??= this.reader.read();
      const chunk = await Promise.race([
        this.pending,
        new Promise<"timeout">((r) => (timer = setTimeout(() => r("timeout"), left))),
      ]);
      clearTimeout(timer);
      if (chunk === "timeout") continue;
      this.pending = null;
      if (chunk.done) throw new Error("the event stream ended");
      this.buffer += this.decoder.decode(chunk.value, { stream: true });
      let end: number;
      while ((end = this.buffer.indexOf("\n\n")) >= 0) {
        const block = this.buffer.slice(0, end);
        this.buffer = this.buffer.slice(end + 2);
        const data = block.split("\n").find((l) => l.startsWith("data: "));
        if (data) this.events.push(JSON.parse(data.slice(6)) as LiveEvent);
        if (data && process.env.LIVE_DEBUG) console.log(Date.now() % 100000, data);
      }
    }
  }
}

async function openTab(folder: string): Promise<EventReader> {
  const carol = await signInAs(CAROL);
  const abort = new AbortController();
  aborts.push(abort);
  const stream = liveEventStream({
    folder,
    subscribe: (l) => registry.subscribe(CAROL.email, carol, l),
    stillValid: async () => true,
    signal: abort.signal,
  });
  return new EventReader(stream);
}

async function bobSends(subject: string): Promise<void> {
  const transport = createSmtpTransport(getConfig(), { user: BOB.email, pass: BOB.password });
  await transport.sendMail({ from: BOB.email, to: CAROL.email, subject, text: "Live test." });
  transport.close();
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect(port, "127.0.0.1");
    s.once("connect", () => (s.destroy(), resolve(true)));
    s.once("error", () => resolve(false));
  });
}

describe("live updates over Server-Sent Events", () => {
  it("push new INBOX mail to an open tab within seconds of delivery through SMTP", async () => {
    const tab = await openTab("INBOX");
    await tab.waitFor((e) => e.type === "watching" && e.folder === "INBOX", 15_000);
    const subject = `Live ${TAG} one`;
    await bobSends(subject);
    const sent = Date.now();
    await tab.waitFor((e) => e.type === "changed" && e.folder === "INBOX", 10_000);
    const changedAfter = Date.now() - sent;
    const news = await tab.waitFor((e) => e.type === "new-mail", 10_000);
    expect(news).toMatchObject({ folder: "INBOX", messages: [{ subject, from: BOB.email }] });
    console.log(`[live] delivery -> SSE "changed" in ${changedAfter} ms`);
    expect(changedAfter).toBeLessThan(10_000);
  });

  it("shares one watcher between an account's tabs and reflects flags set by another client", async () => {
    const first = await openTab("INBOX");
    const second = await openTab("INBOX");
    expect(registry.size).toBe(1);
    await first.waitFor((e) => e.type === "watching", 15_000);
    await second.waitFor((e) => e.type === "watching", 15_000);
    const other = await connectImap({ credentials: { user: CAROL.email, pass: CAROL.password }, clientIp: null });
    let appended: { uid?: number } | false = false;
    try {
      appended = await other.append("INBOX", `Subject: Flag me ${TAG}\r\nFrom: bob@example.test\r\n\r\nHi\r\n`);
      await first.waitFor((e) => e.type === "changed" && e.folder === "INBOX", 10_000);
      await second.waitFor((e) => e.type === "changed" && e.folder === "INBOX", 10_000);
      const lock = await other.getMailboxLock("INBOX");
      try {
        await other.messageFlagsAdd("*", ["\\Flagged"]);
      } finally {
        lock.release();
      }
    } finally {
      await other.logout();
    }
    // only flags changed: the event names the message, so the tab that opened it can skip a re-read
    const flagged = await first.waitFor((e) => e.type === "changed" && e.folder === "INBOX" && !!e.flagsOf, 10_000);
    expect(flagged).toMatchObject({ flagsOf: [appended && appended.uid] });
    await second.waitFor((e) => e.type === "changed" && e.folder === "INBOX" && !!e.flagsOf, 10_000);
  });

  it("notices other folders' changes by STATUS while IDLE elsewhere", async () => {
    const tab = await openTab("Archive");
    await tab.waitFor((e) => e.type === "watching" && e.folder === "Archive", 15_000);
    // (the watcher polls once before it says "watching": that is the baseline)
    const subject = `Live ${TAG} polled`;
    await bobSends(subject);
    await tab.waitFor((e) => e.type === "changed" && e.folder === "INBOX", 15_000);
    const news = await tab.waitFor((e) => e.type === "new-mail", 10_000);
    expect(news).toMatchObject({ messages: [{ subject }] });
  });

  it("refuses a new account over the cap, and drops a watcher when its last tab goes", async () => {
    const tab = await openTab("INBOX");
    await tab.waitFor((e) => e.type === "watching", 15_000);
    const bob = await signInAs(BOB);
    const carolish = new WatchRegistry(1, connectWatcher, { statusIntervalMs: 60_000, lingerMs: 50, reconnectMaxMs: 1_000 });
    const stop = carolish.subscribe(BOB.email, bob, { folder: "INBOX", send: () => undefined });
    expect(() => carolish.subscribe(CAROL.email, bob, { folder: "INBOX", send: () => undefined })).toThrow(/not available/);
    stop();
    const deadline = Date.now() + 5_000;
    while (carolish.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(carolish.size).toBe(0);
  });

  it("re-establishes the watch after the mail server restarts", async () => {
    const tab = await openTab("INBOX");
    await tab.waitFor((e) => e.type === "watching", 15_000);
    const pid = Number(fs.readFileSync(path.join(root, "data/lab/run/dovecot.pid"), "utf8"));
    process.kill(pid, "SIGTERM");
    const deadline = Date.now() + 15_000;
    while ((await portOpen(getConfig().IMAP_PORT)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    execFileSync("bash", [path.join(root, "mail-lab/lab"), "up"], { stdio: "ignore" });
    await tab.waitFor((e) => e.type === "watching", 30_000);
    const subject = `Live ${TAG} after restart`;
    await bobSends(subject);
    const news = await tab.waitFor((e) => e.type === "new-mail", 15_000);
    expect(news).toMatchObject({ messages: [{ subject }] });
  });
});
