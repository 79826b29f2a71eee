import ICAL from "ical.js";
import { decodeText } from "@/lib/mime/decode-text";
import type { Address, CalendarEvent } from "@/lib/mime/types";

/** Events listed from one calendar part: an invitation has one, a published calendar may have
 * hundreds nobody reads in a message view. */
const MAX_EVENTS = 10;
/** Longest summary or location kept, in characters. */
const MAX_FIELD_CHARS = 500;

/**
 * The events of a text/calendar part (iCalendar, RFC 5545), with their times as UTC instants so
 * the browser can show them in the reader's own time zone. Times with a TZID are resolved with
 * the part's own VTIMEZONE (never ical.js's global registry, which a message must not change for
 * other messages), else as an IANA zone name, else as UTC. Returns [] for what cannot be read.
 */
export function readCalendar(content: Buffer, partId: string, charset?: string | null): CalendarEvent[] {
  let calendar: ICAL.Component;
  try {
    calendar = new ICAL.Component(ICAL.parse(decodeText(content, charset ?? "utf-8")));
  } catch {
    return [];
  }
  const method = String(calendar.getFirstPropertyValue("method") ?? "").trim().toUpperCase() || null;
  const zones = new Map<string, ICAL.Timezone>();
  for (const component of calendar.getAllSubcomponents("vtimezone")) {
    try {
      const zone = new ICAL.Timezone(component);
      if (zone.tzid) zones.set(zone.tzid, zone);
    } catch {
      // an unreadable time zone leaves its times to the fallbacks
    }
  }
  return calendar
    .getAllSubcomponents("vevent")
    .slice(0, MAX_EVENTS)
    .map((event) => {
      const start = readTime(event.getFirstProperty("dtstart"), zones);
      let end = readTime(event.getFirstProperty("dtend"), zones);
      const duration = event.getFirstPropertyValue("duration");
      if (!end && start && duration instanceof ICAL.Duration && !start.allDay) {
        end = { value: new Date(Date.parse(start.value) + duration.toSeconds() * 1000).toISOString(), allDay: false };
      }
      return {
        partId,
        method,
        summary: text(event.getFirstPropertyValue("summary")),
        start: start?.value ?? null,
        end: end?.value ?? null,
        allDay: start?.allDay ?? false,
        location: text(event.getFirstPropertyValue("location")),
        organizer: readOrganizer(event.getFirstProperty("organizer")),
        recurring: event.hasProperty("rrule") || event.hasProperty("rdate"),
      };
    });
}

function readTime(property: ICAL.Property | null, zones: Map<string, ICAL.Timezone>): { value: string; allDay: boolean } | null {
  const time = property?.getFirstValue();
  if (!(time instanceof ICAL.Time)) return null;
  if (time.isDate) return { value: time.toString().slice(0, 10), allDay: true };
  const local = Date.UTC(time.year, time.month - 1, time.day, time.hour, time.minute, time.second);
  if (Number.isNaN(local)) return null;
  const tzid = String(property?.getParameter("tzid") ?? "");
  if (time.zone?.tzid === "UTC" || !tzid) return { value: new Date(local).toISOString(), allDay: false };
  const zone = zones.get(tzid);
  const offsetSeconds = zone ? zone.utcOffset(time) : ianaOffsetSeconds(tzid, local);
  return { value: new Date(local - offsetSeconds * 1000).toISOString(), allDay: false };
}

/** The UTC offset of an IANA zone at a wall-clock time (given as if it were UTC), or 0 when the
 * name is not one. Asked twice, so a time next to a DST change gets the offset in force then. */
function ianaOffsetSeconds(tzid: string, wallClock: number): number {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat("en-US", { timeZone: tzid, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric" });
  } catch {
    return 0;
  }
  const offsetAt = (instant: number) => {
    const parts = Object.fromEntries(format.formatToParts(instant).map((p) => [p.type, Number(p.value)]));
    return (Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second) - instant) / 1000;
  };
  const first = offsetAt(wallClock);
  return offsetAt(wallClock - first * 1000);
}

function readOrganizer(property: ICAL.Property | null): Address | null {
  if (!property) return null;
  const address = String(property.getFirstValue() ?? "").replace(/^mailto:/i, "").trim();
  const name = text(property.getParameter("cn"));
  return address || name ? { name, address } : null;
}

function text(value: unknown): string {
  const string = Array.isArray(value) ? value.join(", ") : typeof value === "string" ? value : "";
  return string.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "").trim().slice(0, MAX_FIELD_CHARS);
}
