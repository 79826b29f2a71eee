"use client";
import { useLocale } from "next-intl";
import { useEffect, useState } from "react";

/** A date in the reader's own time zone and language; the server only knows UTC, so the text is
 * made in the browser (the ISO date until then). */
export function LocalDate({ iso, long = false }: { iso: string | null; long?: boolean }) {
  const locale = useLocale();
  const [text, setText] = useState(() => (iso ? iso.slice(0, 10) : ""));
  useEffect(() => {
    if (!iso) return;
    const d = new Date(iso);
    const today = new Date().toDateString() === d.toDateString();
    setText(
      long
        ? d.toLocaleString(locale, { dateStyle: "full", timeStyle: "short" })
        : today
          ? d.toLocaleTimeString(locale, { hour: "2-digit", minute: "2-digit" })
          : d.toLocaleDateString(locale, { year: "numeric", month: "short", day: "numeric" }),
    );
  }, [iso, long, locale]);
  return <time dateTime={iso ?? undefined} title={iso ?? undefined}>{text}</time>;
}
