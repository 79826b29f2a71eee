"use client";
import { useTranslations } from "next-intl";
import styles from "./compose.module.css";

type Props = { secondsLeft: number; undoError: string | null; unanswered: string | null; onUndo: () => void };

/** "Sending in 8 s… Undo" while the message waits on the server; why it has not answered lately. */
export function OutboxBar({ secondsLeft, undoError, unanswered, onUndo }: Props) {
  const t = useTranslations("compose");
  return (
    <div className={styles.outbox} role="status" data-testid="outbox">
      <span>{secondsLeft > 0 ? t("sendingIn", { seconds: secondsLeft }) : t("sending")}</span>
      <button type="button" className={styles.quiet} onClick={onUndo} disabled={secondsLeft === 0}>
        {t("undo")}
      </button>
      {undoError && <span className={styles.error}>{undoError}</span>}
      {unanswered && !undoError && <span data-testid="outbox-unanswered">{unanswered}</span>}
    </div>
  );
}
