/**
 * iCalendar (RFC 5545) for collegium meetings: one invitation or cancellation (METHOD
 * REQUEST / CANCEL, RFC 5546) and a body's feed (METHOD PUBLISH). Pure: the mail step and
 * the feed route share it. Times are written in UTC (the "Z" form), which every calendar
 * reads without a VTIMEZONE block; the zone the secretary chose is named in the description.
 * The UID stays the same for the life of a meeting and SEQUENCE grows with each change, so
 * calendars update the event they already hold instead of adding a second one.
 */
export type CalendarEvent = {
  uid: string;
  sequence: number;
  startsAt: Date;
  endsAt: Date;
  /** When this state of the event was written (DTSTAMP). */
  stamp: Date;
  summary: string;
  description: string;
  location: string;
  url: string;
  cancelled: boolean;
  organizer?: { name: string; email: string } | null;
  attendees?: { name: string; email: string }[];
};

export type CalendarMethod = "REQUEST" | "CANCEL" | "PUBLISH";

const PRODID = "-//Agora//Collegium meetings//EN";
const MAX_OCTETS = 75;

/** 20261210T100000Z */
export function utcStamp(at: Date): string {
  return at
    .toISOString()
    .replace(/\.\d{3}Z$/, "Z")
    .replace(/[-:]/g, "");
}

/** TEXT values (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks escaped. */
export function escapeText(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
}

/** A parameter value: quoted, with characters a quoted value may not hold removed. */
function paramValue(value: string): string {
  return `"${value.replace(/["\r\n]/g, "")}"`;
}

/**
 * Folds a content line at 75 octets (RFC 5545 3.1): continuation lines start with one
 * space, and a UTF-8 character is never split between two lines.
 */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    const limit = parts.length === 0 ? MAX_OCTETS : MAX_OCTETS - 1;
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

function eventLines(event: CalendarEvent, method: CalendarMethod): string[] {
  const lines = [
    "BEGIN:VEVENT",
    `UID:${event.uid}`,
    `SEQUENCE:${event.sequence}`,
    `DTSTAMP:${utcStamp(event.stamp)}`,
    `DTSTART:${utcStamp(event.startsAt)}`,
    `DTEND:${utcStamp(event.endsAt)}`,
    `SUMMARY:${escapeText(event.summary)}`,
  ];
  if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
  if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
  if (event.url) lines.push(`URL:${event.url}`);
  lines.push(`STATUS:${event.cancelled || method === "CANCEL" ? "CANCELLED" : "CONFIRMED"}`);
  if (method !== "PUBLISH" && event.organizer) {
    lines.push(`ORGANIZER;CN=${paramValue(event.organizer.name)}:mailto:${event.organizer.email}`);
  }
  if (method !== "PUBLISH") {
    for (const person of event.attendees ?? []) {
      lines.push(
        `ATTENDEE;CN=${paramValue(person.name)};ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:${person.email}`,
      );
    }
  }
  lines.push("END:VEVENT");
  return lines;
}

/** A whole calendar object: CRLF after every (folded) line, the last one included. */
export function calendar(method: CalendarMethod, events: CalendarEvent[], name?: string): string {
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", `PRODID:${PRODID}`, "CALSCALE:GREGORIAN", `METHOD:${method}`];
  if (name) lines.push(`X-WR-CALNAME:${escapeText(name)}`);
  for (const event of events) lines.push(...eventLines(event, method));
  lines.push("END:VCALENDAR");
  return lines.map(foldLine).join("\r\n") + "\r\n";
}
