// What went wrong after a message left (lib/smtp/send-message.ts SendWarning), in the reader's
// language. Outbox rows written before warnings had keys hold the English text: said as it is.
import type { StoredWarning } from "@/lib/outbox/outbox-state";
import { sayError, sayList, type RootTranslate } from "./say-error";

/** One warning in `locale`, given that locale's root translator. */
export function sayWarning(locale: string, t: RootTranslate, w: StoredWarning): string {
  if (typeof w === "string") return w;
  // rows from before notDelivered listed its parts hold the English list as `recipients`
  const values = typeof w.values.recipients === "string" ? { list: w.values.recipients } : sayList(t, w.values);
  if (!values || !t.has(`sendWarnings.${w.key}`)) return w.text;
  return t(`sendWarnings.${w.key}`, { ...values, reason: w.error ? sayError(locale, t, w.error) : "none" });
}
