import type { Address } from "@/lib/mime/types";
import { formatAddressList } from "./parse-addresses";

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** The original's date for an attribution line. Written out by hand in UTC, saying so: the
 * server does not know the reader's time zone, and Intl output varies with the ICU version. */
export function formatQuoteDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "";
  const time = `${String(d.getUTCHours()).padStart(2, "0")}:${String(d.getUTCMinutes()).padStart(2, "0")}`;
  return `${DAYS[d.getUTCDay()]}, ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} at ${time} UTC`;
}

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
export function attributionLine(from: Address[], dateIso: string | null): string {
  const who = formatAddressList(from) || "someone";
  const when = dateIso ? formatQuoteDate(dateIso) : "";
  return when ? `On ${when}, ${who} wrote:` : `${who} wrote:`;
}

/** Each line prefixed with ">" (plus a space before unquoted text, so levels read ">> text"). */
export function quoteText(text: string): string {
  const lines = text.replace(/\r\n?/g, "\n").replace(/\s+$/, "").split("\n");
  return lines.map((line) => (line === "" ? ">" : line.startsWith(">") ? `>${line}` : `> ${line}`)).join("\n");
}

/** The body a reply starts with: room to write above, then the attribution and the quote. */
export function replyBody(original: { from: Address[]; date: string | null; text: string | null }): string {
  const quoted = original.text?.trim() ? quoteText(original.text) : ">";
  return `\n\n${attributionLine(original.from, original.date)}\n${quoted}\n`;
}

/** The body an inline forward starts with: a header block naming the original, then its text. */
export function forwardBody(original: {
  from: Address[];
  to: Address[];
  cc: Address[];
  date: string | null;
  subject: string;
}, text: string | null): string {
  const lines = ["---------- Forwarded message ----------", `From: ${formatAddressList(original.from)}`];
  if (original.date) lines.push(`Date: ${formatQuoteDate(original.date)}`);
  lines.push(`Subject: ${original.subject}`);
  if (original.to.length) lines.push(`To: ${formatAddressList(original.to)}`);
  if (original.cc.length) lines.push(`Cc: ${formatAddressList(original.cc)}`);
  const body = (text ?? "").replace(/\r\n?/g, "\n").replace(/\s+$/, "");
  return `\n\n${lines.join("\n")}\n\n${body}\n`;
}
