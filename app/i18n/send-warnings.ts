// What went wrong after a message left (lib/smtp/send-message.ts SendWarning), in the reader's
// language. Outbox rows written before warnings had keys hold the English text: said as it is.
import type { StoredWarning } from "@/lib/outbox/outbox-state";
import { sayError, type RootTranslate } from "./say-error";

/** One warning in `locale`, given that locale's root translator. */
export function sayWarning(locale: string, t: RootTranslate, w: StoredWarning): string {
  if (typeof w === "string") return w;
  if (!t.has(`sendWarnings.${w.key}`)) return w.text;
  return t(`sendWarnings.${w.key}`, { ...w.values, reason: w.error ? sayError(locale, t, w.error) : "none" });
}
