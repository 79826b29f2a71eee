"use client";
import { useTranslations } from "next-intl";
import type { Vacation } from "@/lib/sieve/filter-rules";
import styles from "../identities/identities.module.css";

/** The vacation reply's fields (saved with the rules, as one Sieve script). */
export function VacationSection({ vacation: v, onChange }: { vacation: Vacation; onChange: (v: Vacation) => void }) {
  const t = useTranslations("filters");
  const set = (change: Partial<Vacation>) => onChange({ ...v, ...change });
  return (
    <section className={styles.panel} aria-labelledby="vacation-heading">
      <h2 id="vacation-heading">{t("vacation")}</h2>
      <div className={styles.form}>
        <label className={`${styles.check} ${styles.wide}`}>
          <input type="checkbox" checked={v.enabled} onChange={(e) => set({ enabled: e.target.checked })} />
          {t("vacationOn")}
        </label>
        <label>
          {t("firstDay")}
          <input type="date" value={v.start ?? ""} onChange={(e) => set({ start: e.target.value || null })} />
        </label>
        <label>
          {t("lastDay")}
          <input type="date" value={v.end ?? ""} onChange={(e) => set({ end: e.target.value || null })} />
        </label>
        <label className={styles.wide}>
          {t("subject")}
          <input value={v.subject} maxLength={200} onChange={(e) => set({ subject: e.target.value })} />
        </label>
        <label className={styles.wide}>
          {t("message")}
          <textarea rows={5} value={v.body} maxLength={10_000} onChange={(e) => set({ body: e.target.value })} />
        </label>
        <label>
          {t("days")}
          <input type="number" min={1} max={365} value={v.days} onChange={(e) => set({ days: Math.min(365, Math.max(1, Number(e.target.value) || 1)) })} />
        </label>
      </div>
    </section>
  );
}
