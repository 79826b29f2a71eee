import crypto from "node:crypto";
import { PosternError } from "@/lib/http/errors";
import type { MessageRef, QueuedMessage } from "@/lib/compose/compose-types";
import type { Delivered } from "./send-message";

/** What the browser may know about a queued message: its state, the milliseconds until it goes
 * out (0 once it is going), the draft it was saved as (where Undo or a failure leaves it). */
export type OutboxJob = QueuedMessage;

type Entry = { job: Omit<OutboxJob, "remainingMs">; sessionId: string; sendAt: number; timer: ReturnType<typeof setTimeout> | null };

/** Finished jobs are remembered this long, so a reloaded composer can still say what happened. */
const KEEP_FINISHED_MS = 10 * 60 * 1000;

/**
 * Messages waiting out the undo delay, in this process's memory. The wait runs on the server, so
 * reloading or closing the tab does not stop or lose the message; a restart does stop it, and
 * then the message is still in Drafts (it is saved there before it is queued). A job is only
 * visible to the session that queued it.
 */
export class Outbox {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Queues `send` to run after `delayMs`. */
  schedule(sessionId: string, draft: MessageRef, delayMs: number, send: () => Promise<Delivered>): OutboxJob {
    const id = crypto.randomBytes(12).toString("base64url");
    const entry: Entry = { job: { id, state: "waiting", draft, warnings: [], error: null }, sessionId, sendAt: this.now() + delayMs, timer: null };
    entry.timer = setTimeout(() => void this.run(entry, send), delayMs);
    this.entries.set(id, entry);
    return this.view(entry);
  }

  get(id: string, sessionId: string): OutboxJob | null {
    const entry = this.entries.get(id);
    return entry && entry.sessionId === sessionId ? this.view(entry) : null;
  }

  /**
   * Stops a waiting message. @throws PosternError NOT_FOUND (unknown job) | CONFLICT (too late:
   * it is being sent or was sent)
   */
  cancel(id: string, sessionId: string): OutboxJob {
    const entry = this.entries.get(id);
    if (!entry || entry.sessionId !== sessionId) throw new PosternError("NOT_FOUND", "This message is no longer waiting to be sent.");
    if (entry.job.state === "cancelled") return this.view(entry);
    if (entry.job.state !== "waiting") throw new PosternError("CONFLICT", "Too late to undo: the message has already been sent.");
    if (entry.timer) clearTimeout(entry.timer);
    entry.job.state = "cancelled";
    this.forgetLater(entry);
    return this.view(entry);
  }

  get size(): number {
    return this.entries.size;
  }

  private async run(entry: Entry, send: () => Promise<Delivered>): Promise<void> {
    entry.timer = null;
    entry.job.state = "sending";
    try {
      entry.job.warnings = (await send()).warnings;
      entry.job.state = "sent";
    } catch (e) {
      if (!(e instanceof PosternError)) console.error("[outbox]", e);
      entry.job.error =
        e instanceof PosternError
          ? { code: e.code, message: e.message }
          : { code: "INTERNAL", message: "The message was not sent because of an unexpected error." };
      entry.job.state = "failed";
    }
    this.forgetLater(entry);
  }

  private forgetLater(entry: Entry): void {
    setTimeout(() => this.entries.delete(entry.job.id), KEEP_FINISHED_MS).unref?.();
  }

  private view(entry: Entry): OutboxJob {
    const remainingMs = entry.job.state === "waiting" ? Math.max(0, entry.sendAt - this.now()) : 0;
    return { ...entry.job, warnings: [...entry.job.warnings], remainingMs };
  }
}

const holder = globalThis as unknown as { posternOutbox?: Outbox };

/** The process-wide outbox (kept on globalThis across Next dev reloads). */
export function getOutbox(): Outbox {
  holder.posternOutbox ??= new Outbox();
  return holder.posternOutbox;
}
