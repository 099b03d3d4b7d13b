/**
 * A meeting as a calendar invitation (RFC 5545), with no I/O: CRLF line endings, text escaped,
 * long lines folded at 75 octets, a stable UID and a DTSTAMP. It holds only what an invitation
 * needs (what kind of meeting, when, where, who organises it): no names of the child or family,
 * no worries, nothing from the record.
 */
import { ukOffsetMinutes } from '../../platform/views/clock.js';
export interface CalendarMeeting {
  meetingId: string;
  kindName: string;
  heldOn: string;
  startsAt: string | null;
  endsAt: string | null;
  place: string;
  organiser: string;
  purpose: string;
}

/** Escapes TEXT values: backslash, semicolon, comma and line breaks (RFC 5545 3.3.11). */
export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Folds a content line to 75 octets, continuing with CRLF and a space (RFC 5545 3.1). */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const pieces: string[] = [];
  let current = '';
  let size = 0;
  for (const character of line) {
    const octets = encoder.encode(character).length;
    const limit = pieces.length === 0 ? 75 : 74;
    if (size + octets > limit) {
      pieces.push(current);
      current = '';
      size = 0;
    }
    current += character;
    size += octets;
  }
  pieces.push(current);
  return pieces.join('\r\n ');
}

/** A UK local date and time as a UTC date-time: 20270115T100000Z. */
export function utcStamp(isoDate: string, time: string): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const naive = Date.UTC(year, month - 1, day, hour, minute);
  const offset = ukOffsetMinutes(naive);
  return basic(new Date(naive - offset * 60000));
}

const basic = (instant: Date) =>
  instant
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

const nextDay = (isoDate: string) => {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10).replace(/-/g, '');
};

export function meetingInvitation(meeting: CalendarMeeting, now: Date, host = 'kith.example'): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Kith//Meetings//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:meeting-${meeting.meetingId}@${host}`,
    `DTSTAMP:${basic(now)}`,
  ];
  if (meeting.startsAt) {
    lines.push(`DTSTART:${utcStamp(meeting.heldOn, meeting.startsAt)}`);
    const ends = meeting.endsAt ?? meeting.startsAt;
    if (meeting.endsAt) lines.push(`DTEND:${utcStamp(meeting.heldOn, ends)}`);
  } else {
    lines.push(`DTSTART;VALUE=DATE:${meeting.heldOn.replace(/-/g, '')}`);
    lines.push(`DTEND;VALUE=DATE:${nextDay(meeting.heldOn)}`);
  }
  lines.push(
    `SUMMARY:${escapeText(meeting.kindName)}`,
    `LOCATION:${escapeText(meeting.place)}`,
    `DESCRIPTION:${escapeText(`A meeting where ${meeting.purpose}. Organised by ${meeting.organiser}.`)}`,
    'STATUS:CONFIRMED',
    'TRANSP:OPAQUE',
    'END:VEVENT',
    'END:VCALENDAR',
  );
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
