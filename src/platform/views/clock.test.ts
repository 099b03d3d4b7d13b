import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dayAndTime, timeOfDay, ukDate, ukDateTimeInWords, ukDateTimeToTheSecond, ukOffsetMinutes } from './clock.js';

/** What the time zone database itself says, through Intl, in the same words. */
const reference = new Intl.DateTimeFormat('en-GB', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  hourCycle: 'h12',
  timeZone: 'Europe/London',
});
function referenceDayAndTime(when: Date): string {
  const parts = reference.formatToParts(when);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((candidate) => candidate.type === type)?.value ?? '';
  const period = part('dayPeriod').toLowerCase().replace(/[.\s]/g, '');
  const clock =
    part('hour') === '12' && part('minute') === '00'
      ? period === 'am'
        ? 'midnight'
        : 'midday'
      : `${part('hour')}:${part('minute')}${period}`;
  return `${part('weekday')} ${part('day')} ${part('month')} ${part('year')}, ${clock}`;
}

/**
 * Every 11 hours and 17 minutes from 1968 to 2045 (677 minutes, which shares no factor with a
 * day's 1,440, so every minute of the day comes round; 1968 is when the UK kept summer time all
 * year, to 1971), and each minute of every day the clocks changed from 2018 to 2032.
 */
function instantsToCheck(): number[] {
  const checked: number[] = [];
  for (let at = Date.UTC(1968, 0, 1); at < Date.UTC(2045, 0, 1); at += (11 * 60 + 17) * 60_000) checked.push(at);
  for (let year = 2018; year <= 2032; year += 1) {
    for (const month of [2, 9]) {
      // Each minute of the day of each change (the last Sunday of March and of October).
      const lastDay = new Date(Date.UTC(year, month + 1, 0));
      const lastSunday = lastDay.getUTCDate() - lastDay.getUTCDay();
      for (let minute = 0; minute < 24 * 60; minute += 1)
        checked.push(Date.UTC(year, month, lastSunday, 0, minute, 30));
    }
  }
  return checked;
}

test('times of day the GOV.UK way, in UK time', () => {
  assert.equal(timeOfDay(new Date('2026-11-23T09:05:00Z')), '9:05am');
  assert.equal(timeOfDay(new Date('2026-11-23T12:30:00Z')), '12:30pm', 'the hour after midday is 12, not 0');
  assert.equal(timeOfDay(new Date('2026-11-23T00:15:00Z')), '12:15am');
  assert.equal(timeOfDay(new Date('2026-11-23T12:00:00Z')), 'midday');
  assert.equal(timeOfDay(new Date('2026-11-23T00:00:00Z')), 'midnight');
  assert.equal(timeOfDay(new Date('2026-07-02T13:05:59Z')), '2:05pm', 'British Summer Time; seconds are dropped');
  assert.equal(dayAndTime(new Date('2026-07-01T23:30:00Z')), 'Thursday 2 July 2026, 12:30am', 'the UK day, not UTC’s');
});

test('the clocks change at 01:00 UTC: the offset is remembered by the hour and never spans a change', () => {
  // Spring 2026: 29 March, 01:00 UTC. Autumn 2026: 25 October, 01:00 UTC.
  assert.equal(ukOffsetMinutes(Date.parse('2026-03-29T00:59:59.999Z')), 0);
  assert.equal(ukOffsetMinutes(Date.parse('2026-03-29T01:00:00Z')), 60);
  assert.equal(dayAndTime(new Date('2026-03-29T00:59:00Z')), 'Sunday 29 March 2026, 12:59am');
  assert.equal(dayAndTime(new Date('2026-03-29T01:00:00Z')), 'Sunday 29 March 2026, 2:00am');
  assert.equal(ukOffsetMinutes(Date.parse('2026-10-25T00:59:59.999Z')), 60);
  assert.equal(ukOffsetMinutes(Date.parse('2026-10-25T01:00:00Z')), 0);
  assert.equal(dayAndTime(new Date('2026-10-25T00:30:00Z')), 'Sunday 25 October 2026, 1:30am');
  assert.equal(
    dayAndTime(new Date('2026-10-25T01:30:00Z')),
    'Sunday 25 October 2026, 1:30am',
    'the hour that comes twice',
  );
});

test('the same words as the time zone database for every time checked from 1968 to 2045, and every minute around each change', () => {
  const checked = instantsToCheck();
  const differ = checked.filter((at) => dayAndTime(new Date(at)) !== referenceDayAndTime(new Date(at)));
  assert.deepEqual(
    differ
      .slice(0, 5)
      .map((at) => [new Date(at).toISOString(), dayAndTime(new Date(at)), referenceDayAndTime(new Date(at))]),
    [],
  );
  assert.ok(checked.length > 90_000, `${checked.length} times checked`);
});

test('UK dates, and times to the second, match the time zone database for the same times', () => {
  const isoDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' });
  const toTheSecond = new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    timeZone: 'Europe/London',
  });
  // Seconds vary too: 7 seconds on from each instant checked above.
  const checked = instantsToCheck().map((at) => at + 7_000);
  const differ = checked.filter(
    (at) =>
      ukDate(new Date(at)) !== isoDay.format(at) || ukDateTimeToTheSecond(new Date(at)) !== toTheSecond.format(at),
  );
  assert.deepEqual(
    differ
      .slice(0, 5)
      .map((at) => [new Date(at).toISOString(), ukDate(new Date(at)), ukDateTimeToTheSecond(new Date(at))]),
    [],
  );
  assert.equal(ukDate(new Date('2026-07-01T23:30:00Z')), '2026-07-02', 'the UK day, not UTC’s');
  assert.equal(ukDateTimeToTheSecond(new Date('2026-09-04T08:05:09Z')), '4 Sept 2026, 09:05:09');
  assert.equal(ukDateTimeToTheSecond(new Date('2026-12-03T23:59:59Z')), '3 Dec 2026, 23:59:59');
});

test('dates and times in words on a 24-hour clock match the time zone database for the same times', () => {
  const inWords = new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/London',
  });
  const checked = instantsToCheck();
  const differ = checked.filter((at) => ukDateTimeInWords(new Date(at)) !== inWords.format(at));
  assert.deepEqual(
    differ.slice(0, 5).map((at) => [new Date(at).toISOString(), ukDateTimeInWords(new Date(at)), inWords.format(at)]),
    [],
  );
  assert.equal(ukDateTimeInWords(new Date('2026-06-05T08:05:00Z')), '5 June 2026 at 09:05', 'British Summer Time');
  assert.equal(ukDateTimeInWords(new Date('2026-12-05T00:00:00Z')), '5 December 2026 at 00:00', 'midnight');
  assert.equal(ukDateTimeInWords(new Date('2026-12-05T12:00:00Z')), '5 December 2026 at 12:00', 'midday');
});
