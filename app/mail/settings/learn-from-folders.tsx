"use client";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import styles from "../identities/identities.module.css";
import { readNdjson } from "../read-ndjson";
import { mutationHeaders } from "../mutation-headers";

type Progress = { folder: string; label: "spam" | "ham"; done: number; total: number };
type Done = { done: true; spam?: number; ham?: number; skipped?: number; error?: string };

/** "Learn from my folders" with a progress bar: reads the NDJSON stream of POST /api/spam/learn. */
export function LearnFromFolders() {
  const t = useTranslations("learn");
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
      if (!res.ok || !res.body) throw new Error(t("couldNotStart"));
      for await (const item of readNdjson<Progress | Done>(res.body)) {
        if ("done" in item && item.done === true) {
          setResult(item.error ?? t("learned", { ham: item.ham ?? 0, spam: item.spam ?? 0, skipped: item.skipped ?? 0 }));
        } else setProgress(item as Progress);
      }
    } catch (e) {
      setResult(ctrl.signal.aborted ? t("cancelled") : e instanceof Error ? e.message : t("failed"));
    } finally {
      setRunning(false);
    }
  };

  return (
    <div>
      <p className={styles.hint}>{t("hint")}</p>
      {running ? (
        <button type="button" className={styles.danger} onClick={() => abort.current?.abort()}>{t("cancel")}</button>
      ) : (
        <button type="button" className={styles.button} onClick={start}>{t("start")}</button>
      )}
      {progress && running && (
        <p>
          <label>
            <span translate="no">{progress.folder}</span> {t("progress", { label: progress.label, done: progress.done, total: progress.total })}{" "}
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
