/**
 * Calendar dates as 'YYYY-MM-DD' strings, reckoned as whole days (a day number since
 * 1970-01-01 in UTC), so no time zone or clock change ever moves a date.
 */
export type IsoDate = string;

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day number of a date (days since 1970-01-01); throws on anything that is not a real date. */
export function dayNumber(date: IsoDate): number {
  const match = ISO_DATE.exec(date);
  if (!match) throw new RangeError(`Not a date written YYYY-MM-DD: ${date}`);
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const time = Date.UTC(year, month - 1, day);
  const back = new Date(time);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) {
    throw new RangeError(`Not a real date: ${date}`);
  }
  return Math.round(time / MS_PER_DAY);
}

/** The date of a day number. */
export function fromDayNumber(day: number): IsoDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: IsoDate): number {
  return (dayNumber(date) + 4) % 7; // 1970-01-01 was a Thursday
}

export function addDays(date: IsoDate, n: number): IsoDate {
  return fromDayNumber(dayNumber(date) + n);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

/**
 * The same day `n` months later (or earlier, n < 0); a day the month does not have becomes its
 * last day (31 January + 1 month = 28 or 29 February), as "within 3 months" is read in practice.
 */
export function addMonths(date: IsoDate, n: number): IsoDate {
  dayNumber(date); // refuse a date that is not real
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const monthIndex = year * 12 + (month - 1) + n;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  const time = Date.UTC(targetYear, targetMonth, Math.min(day, lastDay));
  return new Date(time).toISOString().slice(0, 10);
}
