"use client";
import { useEffect, useState } from "react";

/** A date in the reader's own time zone and locale; the server only knows UTC. */
export function LocalDate({ iso, long = false }: { iso: string | null; long?: boolean }) {
  const [text, setText] = useState(() => (iso ? iso.slice(0, 10) : ""));
  useEffect(() => {
    if (!iso) return;
    const d = new Date(iso);
    const today = new Date().toDateString() === d.toDateString();
    setText(
      long
        ? d.toLocaleString(undefined, { dateStyle: "full", timeStyle: "short" })
        : today
          ? d.toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" })
          : d.toLocaleDateString(undefined, { year: "numeric", month: "short", day: "numeric" }),
    );
  }, [iso, long]);
  return <time dateTime={iso ?? undefined} title={iso ?? undefined}>{text}</time>;
}
