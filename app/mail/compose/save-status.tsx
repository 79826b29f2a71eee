"use client";
import type { SaveState } from "@/lib/compose/draft-saver";
import styles from "./compose.module.css";

const time = (at: number) => new Date(at).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });

/** Where the draft stands: saving, saved (when), or why not (with a way to sign in again). */
export function SaveStatus({ state }: { state: SaveState }) {
  if (state.kind === "idle") return null;
  if (state.kind === "saving") return <span className={styles.hint} role="status">Saving draft…</span>;
  if (state.kind === "saved") {
    return (
      <span className={styles.hint} role="status" data-testid="draft-saved">
        Draft saved at {time(state.at)}
      </span>
    );
  }
  return (
    <span className={styles.error} role="status" data-testid="draft-failed">
      Draft not saved: {state.message}{" "}
      {state.expired && (
        <>
          <a href="/login" target="_blank" rel="noopener">Sign in again</a> in another tab; this message stays here and is saved as soon as you are back.
        </>
      )}
    </span>
  );
}
