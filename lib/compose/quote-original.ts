import type { Address } from "@/lib/mime/types";
import { formatAddressList } from "./parse-addresses";

/** The words a reply's attribution and a forward's header block are written with: the writer's
 * language and time zone (app/i18n/quote-words.ts), English in UTC by default. */
export type QuoteWords = {
  /** The original's date as the line says it; "" when it cannot be read. */
  date: (iso: string) => string;
  /** The attribution: "On <date>, <sender> wrote:", or without the date when it is "". */
  wrote: (sender: string, date: string) => string;
  forwardHeading: string;
  labels: { from: string; date: string; subject: string; to: string; cc: string };
};

/** "Mon, 2 Mar 2026 at 10:00", in `timeZone`, from Intl's parts: its whole-string output varies
 * with the ICU version, the parts do not. */
function englishDate(d: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone, weekday: "short", day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(d);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("weekday")}, ${part("day")} ${part("month")} ${part("year")} at ${part("hour")}:${part("minute")}`;
}

/** English words, dates in `timeZone`, labelled "UTC" when that is all Postern knows. */
export function englishQuoteWords(timeZone = "UTC"): QuoteWords {
  return {
    date: (iso) => {
      const d = new Date(iso);
      return Number.isNaN(d.getTime()) ? "" : `${englishDate(d, timeZone)}${timeZone === "UTC" ? " UTC" : ""}`;
    },
    wrote: (sender, date) => (date ? `On ${date}, ${sender} wrote:` : `${sender} wrote:`),
    forwardHeading: "---------- Forwarded message ----------",
    labels: { from: "From:", date: "Date:", subject: "Subject:", to: "To:", cc: "Cc:" },
  };
}

const ENGLISH = englishQuoteWords();

/** "Re: subject", without piling up "Re: Re:". */
export function replySubject(subject: string): string {
  const s = subject.trim();
  return /^re:/i.test(s) ? s : `Re: ${s}`;
}

/** "Fwd: subject", unless it already says it is forwarded. */
export function forwardSubject(subject: string): string {
  const s = subject.trim();
  return /^(?:fwd?|fw):/i.test(s) ? s : `Fwd: ${s}`;
}

/** "On <date>, <sender> wrote:" (the date is left out when the original had none). */
export function attributionLine(from: Address[], dateIso: string | null, words: QuoteWords = ENGLISH): string {
  return words.wrote(formatAddressList(from) || "someone", dateIso ? words.date(dateIso) : "");
}

/** Each line prefixed with ">" (plus a space before unquoted text, so levels read ">> text"). */
export function quoteText(text: string): string {
  const lines = text.replace(/\r\n?/g, "\n").replace(/\s+$/, "").split("\n");
  return lines.map((line) => (line === "" ? ">" : line.startsWith(">") ? `>${line}` : `> ${line}`)).join("\n");
}

/** The body a reply starts with: room to write above, then the attribution and the quote. */
export function replyBody(original: { from: Address[]; date: string | null; text: string | null }, words: QuoteWords = ENGLISH): string {
  const quoted = original.text?.trim() ? quoteText(original.text) : ">";
  return `\n\n${attributionLine(original.from, original.date, words)}\n${quoted}\n`;
}

/** The body an inline forward starts with: a header block naming the original, then its text. */
export function forwardBody(original: {
  from: Address[];
  to: Address[];
  cc: Address[];
  date: string | null;
  subject: string;
}, text: string | null, words: QuoteWords = ENGLISH): string {
  const { labels } = words;
  const lines = [words.forwardHeading, `${labels.from} ${formatAddressList(original.from)}`];
  const date = original.date ? words.date(original.date) : "";
  if (date) lines.push(`${labels.date} ${date}`);
  lines.push(`${labels.subject} ${original.subject}`);
  if (original.to.length) lines.push(`${labels.to} ${formatAddressList(original.to)}`);
  if (original.cc.length) lines.push(`${labels.cc} ${formatAddressList(original.cc)}`);
  const body = (text ?? "").replace(/\r\n?/g, "\n").replace(/\s+$/, "");
  return `\n\n${lines.join("\n")}\n\n${body}\n`;
}
