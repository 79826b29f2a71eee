"use client";
import { useRef, useState } from "react";
import styles from "../identities/identities.module.css";
import { readNdjson } from "../read-ndjson";
import { mutationHeaders } from "../mutation-headers";

type Progress = { folder: string; label: "spam" | "ham"; done: number; total: number };
type Done = { done: true; spam?: number; ham?: number; skipped?: number; error?: string };

/** "Learn from my folders" with a progress bar: reads the NDJSON stream of POST /api/spam/learn. */
export function LearnFromFolders() {
  const [progress, setProgress] = useState<Progress | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const abort = useRef<AbortController | null>(null);

  const start = async () => {
    const ctrl = new AbortController();
    abort.current = ctrl;
    setRunning(true);
    setResult(null);
    setProgress(null);
    try {
      const res = await fetch("/api/spam/learn", {
        method: "POST",
        headers: mutationHeaders({ "content-type": "application/json" }),
        body: "{}",
        signal: ctrl.signal,
      });
      if (!res.ok || !res.body) throw new Error("Learning could not start.");
      for await (const item of readNdjson<Progress | Done>(res.body)) {
        if ("done" in item && item.done === true) {
          setResult(item.error ?? `Learned ${item.ham ?? 0} good and ${item.spam ?? 0} spam messages${item.skipped ? ` (${item.skipped} already known)` : ""}.`);
        } else setProgress(item as Progress);
      }
    } catch (e) {
      setResult(ctrl.signal.aborted ? "Cancelled: nothing was learned." : e instanceof Error ? e.message : "Learning failed.");
    } finally {
      setRunning(false);
    }
  };

  return (
    <div>
      <p className={styles.hint}>Teach the filter from the mail you already have: INBOX as good mail, Junk as spam (the newest 1,000 of each).</p>
      {running ? (
        <button type="button" className={styles.danger} onClick={() => abort.current?.abort()}>Cancel</button>
      ) : (
        <button type="button" className={styles.button} onClick={start}>Learn from my folders</button>
      )}
      {progress && running && (
        <p>
          <label>
            {progress.folder} ({progress.label === "ham" ? "good mail" : "spam"}): {progress.done} of {progress.total}{" "}
            <progress data-testid="learn-progress" max={progress.total || 1} value={progress.done} />
          </label>
        </p>
      )}
      {result && (
        <p role="status" data-testid="learn-result">
          {result}
        </p>
      )}
    </div>
  );
}
