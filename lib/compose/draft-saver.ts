// Autosave scheduling for the composer, kept free of React so it can be tested on its own.

export type SaveState =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved"; at: number }
  | { kind: "failed"; message: string; expired: boolean };

export type SaveAttempt = { ok: true } | { ok: false; message: string; expired: boolean };

export type DraftSaverOptions = {
  /** Quiet time after the last change before saving. */
  delayMs: number;
  /** Wait before trying again after a failed save. */
  retryMs: number;
  /** Saves what the composer holds now. */
  save: () => Promise<SaveAttempt>;
  onState: (state: SaveState) => void;
  now?: () => number;
};

/**
 * Saves a draft a few seconds after each change, one save at a time: a change made while a save
 * runs is saved right after it, a failed save is retried, and `dirty` says whether anything
 * typed is not on the server yet (the tab-closing warning asks it).
 */
export class DraftSaver {
  private version = 0;
  private savedVersion = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> | null = null;
  private paused = false;

  constructor(private readonly opts: DraftSaverOptions) {}

  /** Something changed: save after the quiet time. */
  changed(): void {
    this.version++;
    this.schedule(this.opts.delayMs);
  }

  get dirty(): boolean {
    return this.version !== this.savedVersion || this.running !== null;
  }

  /** Saves now if anything is unsaved, after a save already running. */
  async flush(): Promise<void> {
    this.clearTimer();
    while (this.running) await this.running;
    if (this.version === this.savedVersion) return;
    const version = this.version;
    this.opts.onState({ kind: "saving" });
    let attempt: SaveAttempt;
    this.running = this.opts.save().then(
      (a) => void (attempt = a),
      (e: unknown) => void (attempt = { ok: false, message: e instanceof Error ? e.message : "The draft could not be saved.", expired: false }),
    );
    await this.running;
    this.running = null;
    const result = attempt!;
    if (result.ok) {
      this.savedVersion = Math.max(this.savedVersion, version);
      this.opts.onState({ kind: "saved", at: (this.opts.now ?? Date.now)() });
      if (this.version !== this.savedVersion) this.schedule(this.opts.delayMs);
    } else {
      this.opts.onState({ kind: "failed", message: result.message, expired: result.expired });
      this.schedule(this.opts.retryMs);
    }
  }

  /** Stops autosaving (while sending) and waits for a save that is running. */
  async pause(): Promise<void> {
    this.paused = true;
    this.clearTimer();
    while (this.running) await this.running;
  }

  resume(): void {
    this.paused = false;
    if (this.version !== this.savedVersion) this.schedule(this.opts.delayMs);
  }

  /** What was there when `pause` returned has been saved by other means (a failed send keeps
   * the message in Drafts). */
  markSaved(): void {
    this.savedVersion = this.version;
  }

  dispose(): void {
    this.paused = true;
    this.clearTimer();
  }

  private schedule(ms: number): void {
    this.clearTimer();
    if (this.paused) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, ms);
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
