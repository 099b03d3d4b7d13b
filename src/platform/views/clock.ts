/**
 * Dates and times of day written the GOV.UK way, in UK time: "Monday 23 November 2026",
 * 9:05am, 12:30pm, midday, midnight.
 *
 * The time zone database (through Intl) says only how far UK time is from UTC; the rest is
 * arithmetic. Formatting every date through `Intl.DateTimeFormat#formatToParts` cost about
 * 13 µs each, which on a chronology of a few hundred events was a tenth of the page's time.
 * The offset is remembered by the hour: the UK's clocks change only on the hour (01:00 UTC).
 */

const HOUR_MS = 3_600_000;
const weekdayNames = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const monthNames = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const londonWallClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
});
/** UK time's offset from UTC in minutes, by the hour since 1970 (UTC). */
const offsetByHour = new Map<number, number>();
const REMEMBERED_HOURS = 100_000;

/** How many minutes UK time is ahead of UTC at `epochMs`: 0 in winter, 60 in summer. */
export function ukOffsetMinutes(epochMs: number): number {
  const hour = Math.floor(epochMs / HOUR_MS);
  let offset = offsetByHour.get(hour);
  if (offset === undefined) {
    let year = 0;
    let month = 0;
    let day = 0;
    let hours = 0;
    let minutes = 0;
    for (const part of londonWallClock.formatToParts(new Date(hour * HOUR_MS))) {
      if (part.type === 'year') year = Number(part.value);
      else if (part.type === 'month') month = Number(part.value);
      else if (part.type === 'day') day = Number(part.value);
      else if (part.type === 'hour') hours = Number(part.value);
      else if (part.type === 'minute') minutes = Number(part.value);
    }
    offset = (Date.UTC(year, month - 1, day, hours, minutes) - hour * HOUR_MS) / 60_000;
    if (offsetByHour.size >= REMEMBERED_HOURS) offsetByHour.clear();
    offsetByHour.set(hour, offset);
  }
  return offset;
}

/** An instant as UK time, in words. */
export interface UkTime {
  /** Monday */
  weekday: string;
  /** 23 */
  day: number;
  /** November */
  month: string;
  year: number;
  /** 9:05am, 12:30pm, midday, midnight */
  clock: string;
}

/**
 * The instant moved by UK time's offset, so that its UTC fields (`getUTCHours()`,
 * `toISOString()`) read as the clock on a wall in the UK.
 */
export function ukWallClock(when: Date): Date {
  const epochMs = when.getTime();
  return new Date(epochMs + ukOffsetMinutes(epochMs) * 60_000);
}

export function ukTime(when: Date): UkTime {
  const local = ukWallClock(when);
  const hours = local.getUTCHours();
  const minutes = local.getUTCMinutes();
  const clock =
    minutes === 0 && (hours === 0 || hours === 12)
      ? hours === 0
        ? 'midnight'
        : 'midday'
      : `${hours % 12 === 0 ? 12 : hours % 12}:${minutes < 10 ? '0' : ''}${minutes}${hours < 12 ? 'am' : 'pm'}`;
  return {
    weekday: weekdayNames[local.getUTCDay()]!,
    day: local.getUTCDate(),
    month: monthNames[local.getUTCMonth()]!,
    year: local.getUTCFullYear(),
    clock,
  };
}

/** 9:05am, 12:30pm, midday, midnight: the time of day in the UK. */
export const timeOfDay = (when: Date): string => ukTime(when).clock;

/** "Monday 23 November 2026, 9:05am" in the UK. */
export function dayAndTime(when: Date): string {
  const time = ukTime(when);
  return `${time.weekday} ${time.day} ${time.month} ${time.year}, ${time.clock}`;
}

const twoDigits = (value: number): string => (value < 10 ? `0${value}` : String(value));

/** The UK day of an instant as an ISO date: "2026-11-23". */
export function ukDate(when: Date): string {
  return ukWallClock(when).toISOString().slice(0, 10);
}

/** Month names as the en-GB locale abbreviates them (September is "Sept"). */
const shortMonthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'];

/** To the second, for logs such as the audit trail: "23 Nov 2026, 09:05:07" in the UK. */
export function ukDateTimeToTheSecond(when: Date): string {
  const local = ukWallClock(when);
  return (
    `${local.getUTCDate()} ${shortMonthNames[local.getUTCMonth()]!} ${local.getUTCFullYear()}, ` +
    `${twoDigits(local.getUTCHours())}:${twoDigits(local.getUTCMinutes())}:${twoDigits(local.getUTCSeconds())}`
  );
}

/** To the minute, on a 24-hour clock: "5 June 2026 at 09:05" in the UK. */
export function ukDateTimeInWords(when: Date): string {
  const local = ukWallClock(when);
  return (
    `${local.getUTCDate()} ${monthNames[local.getUTCMonth()]!} ${local.getUTCFullYear()} at ` +
    `${twoDigits(local.getUTCHours())}:${twoDigits(local.getUTCMinutes())}`
  );
}
