"use client";
import styles from "./compose.module.css";

/** "Sending in 8 s… Undo" while the message waits on the server. */
export function OutboxBar({ secondsLeft, undoError, onUndo }: { secondsLeft: number; undoError: string | null; onUndo: () => void }) {
  return (
    <div className={styles.outbox} role="status" data-testid="outbox">
      <span>{secondsLeft > 0 ? `Sending in ${secondsLeft} s…` : "Sending…"}</span>
      <button type="button" className={styles.quiet} onClick={onUndo} disabled={secondsLeft === 0}>
        Undo
      </button>
      {undoError && <span className={styles.error}>{undoError}</span>}
    </div>
  );
}
