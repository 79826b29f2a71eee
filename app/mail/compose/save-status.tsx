"use client";
import { useFormatter, useTranslations } from "next-intl";
import type { SaveState } from "@/lib/compose/draft-saver";
import styles from "./compose.module.css";

/** Where the draft stands: saving, saved (when), or why not (with a way to sign in again). */
export function SaveStatus({ state }: { state: SaveState }) {
  const t = useTranslations("compose");
  const format = useFormatter();
  if (state.kind === "idle") return null;
  if (state.kind === "saving") return <span className={styles.hint} role="status">{t("savingDraft")}</span>;
  if (state.kind === "saved") {
    // the reader's own clock: the time zone is the browser's, not the server's UTC
    const time = format.dateTime(new Date(state.at), { hour: "2-digit", minute: "2-digit", timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone });
    return (
      <span className={styles.hint} role="status" data-testid="draft-saved">
        {t("draftSavedAt", { time })}
      </span>
    );
  }
  return (
    <span className={styles.error} role="status" data-testid="draft-failed">
      {t("draftNotSaved", { message: state.message })}{" "}
      {state.expired &&
        t.rich("signInElsewhere", {
          link: (chunks) => (
            <a href="/login" target="_blank" rel="noopener">
              {chunks}
            </a>
          ),
        })}
    </span>
  );
}
