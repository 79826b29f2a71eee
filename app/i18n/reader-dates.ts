// Dates the server formats (sessions, POP3 runs, passkeys) in the reader's time zone: the `tz`
// cookie that app/i18n/time-zone-cookie.tsx sets, read by i18n/request.ts. Until the browser has
// set it (the first page seen) the zone is UTC, and such dates say so.
import { getFormatter, getTimeZone } from "next-intl/server";

type Style = { dateStyle: "medium" | "long" | "short"; timeStyle?: "short" | "medium" };

/** Formats dates for this request: in the reader's zone, or in UTC labelled "UTC". */
export async function readerDates(): Promise<(d: Date, style?: Style) => string> {
  const [format, zone] = await Promise.all([getFormatter(), getTimeZone()]);
  const label = zone === "UTC" ? " UTC" : "";
  return (d, style = { dateStyle: "medium", timeStyle: "short" }) => format.dateTime(d, { ...style, timeZone: zone }) + (style.timeStyle ? label : "");
}
