// Dates the server formats (sessions, POP3 runs, passkeys) in the reader's time zone: the `tz`
// cookie that app/i18n/time-zone-cookie.tsx sets, read by i18n/request.ts. Until the browser has
// set it (the first page seen) the zone is UTC, and such dates say so.
import { getFormatter, getTimeZone } from "next-intl/server";
import { zonedDates, type DateStyle } from "./zoned-dates";

/** Formats dates for this request: in the reader's zone, or in UTC labelled "UTC". */
export async function readerDates(): Promise<(d: Date, style?: DateStyle) => string> {
  const [format, zone] = await Promise.all([getFormatter(), getTimeZone()]);
  return zonedDates(format, zone);
}
