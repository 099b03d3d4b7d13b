import assert from 'node:assert/strict';
import { test } from 'node:test';
import { escapeText, foldLine, meetingInvitation, utcStamp } from './calendar.js';

const meeting = {
  meetingId: '11111111-2222-4333-8444-555555555555',
  kindName: 'Family group conference',
  heldOn: '2027-01-15',
  startsAt: '10:00',
  endsAt: '13:30',
  place: 'Riverside Community Centre, Room 2; Mill Lane',
  organiser: 'Demo Borough Council',
  purpose: 'the family makes its own plan',
};

test('text is escaped as RFC 5545 asks', () => {
  assert.equal(escapeText('a\\b;c,d\ne'), 'a\\\\b\\;c\\,d\\ne');
});

test('long lines are folded at 75 octets with CRLF and a space, whole characters kept', () => {
  const folded = foldLine(`DESCRIPTION:${'é'.repeat(80)}`);
  const pieces = folded.split('\r\n');
  assert.ok(pieces.length > 1);
  for (const piece of pieces) assert.ok(new TextEncoder().encode(piece).length <= 75);
  assert.equal(
    pieces.map((piece, index) => (index ? piece.slice(1) : piece)).join(''),
    `DESCRIPTION:${'é'.repeat(80)}`,
  );
});

test('UK time becomes UTC: no change in winter, an hour back in summer', () => {
  assert.equal(utcStamp('2027-01-15', '10:00'), '20270115T100000Z');
  assert.equal(utcStamp('2027-07-15', '10:00'), '20270715T090000Z');
});

test('an invitation has CRLF lines, a UID, a DTSTAMP, the time and place, and nothing from the record', () => {
  const ics = meetingInvitation(meeting, new Date('2026-12-02T06:20:00Z'));
  assert.ok(ics.endsWith('\r\n'));
  assert.equal(ics.replace(/\r\n/g, '').includes('\n'), false, 'every line ends in CRLF');
  const lines = ics.replace(/\r\n /g, '').split('\r\n');
  assert.equal(lines[0], 'BEGIN:VCALENDAR');
  assert.ok(lines.includes('UID:meeting-11111111-2222-4333-8444-555555555555@kith.example'));
  assert.ok(lines.includes('DTSTAMP:20261202T062000Z'));
  assert.ok(lines.includes('DTSTART:20270115T100000Z'));
  assert.ok(lines.includes('DTEND:20270115T133000Z'));
  assert.ok(lines.includes('LOCATION:Riverside Community Centre\\, Room 2\\; Mill Lane'));
  assert.ok(lines.includes('SUMMARY:Family group conference'));
});

test('a meeting with no time is a whole-day event', () => {
  const ics = meetingInvitation({ ...meeting, startsAt: null, endsAt: null, heldOn: '2027-01-31' }, new Date());
  assert.match(ics, /DTSTART;VALUE=DATE:20270131\r\nDTEND;VALUE=DATE:20270201\r\n/);
});
