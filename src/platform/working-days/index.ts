/**
 * The working-day clock: pure, given the calendar (the nation's bank holidays and the council's
 * own closure days). Statutory timescales in children's social care are counted in working days
 * (Working Together to Safeguard Children 2023: an assessment within 45 working days of the
 * referral; an initial child protection conference within 15 working days of the strategy
 * discussion). A working day is Monday to Friday and not a bank holiday nor a closure day.
 */
import { ENGLAND_BANK_HOLIDAYS, WALES_BANK_HOLIDAYS } from './bank-holidays.js';
import { dayNumber, dayOfWeek, fromDayNumber, type IsoDate } from './dates.js';

export type { IsoDate } from './dates.js';
export { addDays, addMonths, dayOfWeek, daysBetween } from './dates.js';
export { BANK_HOLIDAYS_COVER, BANK_HOLIDAYS_SOURCE } from './bank-holidays.js';

export type Nation = 'england' | 'wales';

export interface WorkingDayCalendar {
  nation: Nation;
  /** The council's own closure days (for example the days between Christmas and New Year). */
  closureDays: readonly IsoDate[];
}

const BANK_HOLIDAYS: Record<Nation, ReadonlySet<IsoDate>> = {
  england: new Set(ENGLAND_BANK_HOLIDAYS),
  wales: new Set(WALES_BANK_HOLIDAYS),
};

export function bankHolidaysOf(nation: Nation): readonly IsoDate[] {
  return nation === 'england' ? ENGLAND_BANK_HOLIDAYS : WALES_BANK_HOLIDAYS;
}

export function isBankHoliday(date: IsoDate, nation: Nation): boolean {
  return BANK_HOLIDAYS[nation].has(date);
}

export function isWorkingDay(date: IsoDate, calendar: WorkingDayCalendar): boolean {
  const weekday = dayOfWeek(date);
  if (weekday === 0 || weekday === 6) return false;
  return !isBankHoliday(date, calendar.nation) && !calendar.closureDays.includes(date);
}

/**
 * The date `n` working days after `date` (n ≥ 0). Adding 0 to a day that is not a working day
 * gives the next working day; adding 0 to a working day gives that day.
 */
export function addWorkingDays(date: IsoDate, n: number, calendar: WorkingDayCalendar): IsoDate {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`Working days to add must be a whole number ≥ 0: ${n}`);
  let day = dayNumber(date);
  while (!isWorkingDay(fromDayNumber(day), calendar)) day += 1;
  let left = n;
  while (left > 0) {
    day += 1;
    if (isWorkingDay(fromDayNumber(day), calendar)) left -= 1;
  }
  return fromDayNumber(day);
}

/**
 * The working days after `from` up to and including `to`; negative (the same count, turned
 * round) when `to` is before `from`. So a due date today is 0 away, tomorrow's is 1, and one
 * missed yesterday is -1 (when both are working days).
 */
export function workingDaysBetween(from: IsoDate, to: IsoDate, calendar: WorkingDayCalendar): number {
  const start = dayNumber(from);
  const end = dayNumber(to);
  if (end < start) return -workingDaysBetween(to, from, calendar);
  let count = 0;
  for (let day = start + 1; day <= end; day += 1) {
    if (isWorkingDay(fromDayNumber(day), calendar)) count += 1;
  }
  return count;
}
