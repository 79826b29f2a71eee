import { claimJob, findDue, purgeFinished } from "./outbox-store";
import { runOutboxJob, type RunOptions } from "./run-outbox-job";

/** How often each process looks for due jobs it did not queue itself (another process's, or one
 * whose process died): one indexed query, so an idle poll costs next to nothing. Jobs queued in
 * this process are woken on time by a timer instead. */
const POLL_MS = 2_000;
/** Jobs claimed per poll; the rest wait for the next one. */
const BATCH = 10;
/** Finished jobs stay a day: a composer reopened later still learns what became of its message. */
const KEEP_FINISHED_MS = 24 * 3600 * 1000;
const PURGE_EVERY_MS = 10 * 60 * 1000;

export type WorkerOptions = RunOptions & { pollMs?: number; now?: () => Date };

/**
 * Sends what is due from the shared outbox. Every process runs one; the database's
 * compare-and-swap claim (outbox-store.ts) makes sure each job is run by exactly one of them.
 */
export class OutboxWorker {
  private timers: ReturnType<typeof setInterval>[] = [];
  private polling = false;
  private stopped = false;
  private readonly now: () => Date;

  constructor(private readonly opts: WorkerOptions = {}) {
    this.now = opts.now ?? (() => new Date());
  }

  start(): void {
    if (this.timers.length) return;
    const purge = () => void purgeFinished(new Date(Date.now() - KEEP_FINISHED_MS)).catch((e: unknown) => console.error("[outbox] purge:", e));
    this.timers.push(setInterval(() => void this.tick(), this.opts.pollMs ?? POLL_MS), setInterval(purge, PURGE_EVERY_MS));
    for (const t of this.timers) t.unref?.();
    purge();
    void this.tick();
  }

  /** Stops polling and waking for good (a stopped worker acts like a process that has gone). */
  stop(): void {
    this.stopped = true;
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
  }

  /** A job this process queued: look again when it is due rather than at the next poll. */
  wakeAt(when: Date): void {
    if (this.stopped) return;
    setTimeout(() => void (this.stopped || this.tick()), Math.max(0, when.getTime() - this.now().getTime()) + 5).unref?.();
  }

  /** Claims what is due and runs it; resolves when the jobs claimed in this round are done. */
  async tick(): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    const runs: Promise<void>[] = [];
    try {
      const now = this.now();
      for (const job of await findDue(now, BATCH)) {
        const claim = await claimJob(job, now);
        if (claim) runs.push(runOutboxJob(claim, this.opts));
      }
    } catch (e) {
      console.error("[outbox] poll:", e);
    } finally {
      this.polling = false;
    }
    await Promise.all(runs);
  }
}

const holder = globalThis as unknown as { posternOutboxWorker?: OutboxWorker };

/** This process's worker (kept on globalThis across Next dev reloads); started at server start. */
export function getOutboxWorker(): OutboxWorker {
  holder.posternOutboxWorker ??= new OutboxWorker();
  return holder.posternOutboxWorker;
}
