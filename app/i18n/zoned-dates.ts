// Dates the server writes in a reader's time zone, labelled "UTC" when UTC is all Postern knows of
// it (no `tz` cookie yet, or mail written for a browser that has not said). One rule for the
// pages (reader-dates.ts) and the words said outside a request (closed link, notices, quotes).

export type DateStyle = { dateStyle: "full" | "long" | "medium" | "short"; timeStyle?: "short" | "medium" };

/** next-intl's formatter, from getFormatter() or createFormatter(). */
type Formatter = { dateTime(d: Date, options: DateStyle & { timeZone: string }): string };

export function zonedDates(format: Formatter, zone: string): (d: Date, style?: DateStyle) => string {
  const label = zone === "UTC" ? " UTC" : "";
  return (d, style = { dateStyle: "medium", timeStyle: "short" }) => format.dateTime(d, { ...style, timeZone: zone }) + (style.timeStyle ? label : "");
}
