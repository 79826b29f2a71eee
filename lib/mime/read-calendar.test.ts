import { describe, expect, it } from "vitest";
import { readCalendar } from "@/lib/mime/read-calendar";
import { describeStatus } from "@/lib/mime/read-delivery-report";

const ics = (event: string) =>
  Buffer.from(`BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:CANCEL\r\nBEGIN:VEVENT\r\nUID:x\r\n${event.replace(/\n/g, "\r\n")}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n`);

describe("readCalendar", () => {
  it("resolves an IANA TZID without a VTIMEZONE, and DURATION, as UTC instants", () => {
    const [event] = readCalendar(ics("SUMMARY:Call\nDTSTART;TZID=America/New_York:20250115T090000\nDURATION:PT45M\nRRULE:FREQ=DAILY"), "2");
    expect(event).toMatchObject({ method: "CANCEL", summary: "Call", start: "2025-01-15T14:00:00.000Z", end: "2025-01-15T14:45:00.000Z", recurring: true });
  });

  it("gives all-day events as dates and survives what is not iCalendar", () => {
    const [event] = readCalendar(ics("SUMMARY:Holiday\nDTSTART;VALUE=DATE:20250801\nDTEND;VALUE=DATE:20250802"), "2");
    expect(event).toMatchObject({ allDay: true, start: "2025-08-01", end: "2025-08-02", organizer: null, location: "" });
    expect(readCalendar(Buffer.from("not a calendar"), "2")).toEqual([]);
  });
});

describe("describeStatus", () => {
  it("puts RFC 3463 codes into words", () => {
    expect(describeStatus("5.2.2")).toBe("Failed: the mailbox is full");
    expect(describeStatus("4.4.7")).toBe("Delayed: delivery was given up after trying for too long");
    expect(describeStatus("2.0.0")).toBe("Delivered");
    expect(describeStatus("garbage")).toBe("");
  });
});
