/**
 * How long a restricted record stays open after someone gives a reason to open it ("break
 * glass"). Short by default: until the end of the working day, UK time. Opened within an hour
 * of the day's end, or after it (an out-of-hours duty visit), until the same time the next
 * day, so nobody gets a few minutes that run out mid-visit. A council may choose a number of
 * hours instead. Each council sets its own (council_settings); pure, so the times are tested.
 */
import { timeOfDay, ukOffsetMinutes, ukWallClock } from '../views/clock.js';

export interface RestrictedGrantRule {
  until: 'end_of_working_day' | 'hours';
  /** "17:30": when the working day ends, UK time, on a 24-hour clock (12:00 to 23:59). */
  workingDayEndsAt: string;
  /** 1 to 24, when `until` is 'hours'. */
  hours: number;
}

export const DEFAULT_RESTRICTED_GRANT_RULE: RestrictedGrantRule = Object.freeze({
  until: 'end_of_working_day',
  workingDayEndsAt: '17:30',
  hours: 8,
});

/** What the database allows: a time from midday to 23:59, and 1 to 24 hours. */
export const WORKING_DAY_END_PATTERN = /^(1[2-9]|2[0-3]):[0-5][0-9]$/;
export const MIN_GRANT_HOURS = 1;
export const MAX_GRANT_HOURS = 24;

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** The instant the UK's clocks read `hours:minutes` on the UK day `dayStartUtc` (midnight as a UTC date). */
function ukInstant(dayStartUtc: number, hours: number, minutes: number): Date {
  const wall = dayStartUtc + hours * HOUR_MS + minutes * 60_000;
  // The offset at the wall time read as UTC is right except within an hour of a clock change;
  // asking again at the instant found settles it (the working day never ends at 01:00-02:00).
  const guess = wall - ukOffsetMinutes(wall) * 60_000;
  return new Date(wall - ukOffsetMinutes(guess) * 60_000);
}

/** When a grant given at `now` under this rule ends. */
export function restrictedGrantExpiry(rule: RestrictedGrantRule, now: Date): Date {
  if (rule.until === 'hours') return new Date(now.getTime() + rule.hours * HOUR_MS);
  const [hours, minutes] = rule.workingDayEndsAt.split(':').map(Number) as [number, number];
  const local = ukWallClock(now);
  const today = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
  const endToday = ukInstant(today, hours, minutes);
  if (endToday.getTime() - now.getTime() >= HOUR_MS) return endToday;
  return ukInstant(today + DAY_MS, hours, minutes);
}

/** The rule as a person reads it: "until the end of the working day (5:30pm)", "for 8 hours". */
export function restrictedGrantRuleInWords(rule: RestrictedGrantRule): string {
  if (rule.until === 'hours') return `for ${rule.hours} ${rule.hours === 1 ? 'hour' : 'hours'}`;
  const [hours, minutes] = rule.workingDayEndsAt.split(':').map(Number) as [number, number];
  // Any winter day will do: only the time of day is read.
  return `until the end of the working day (${timeOfDay(new Date(Date.UTC(2026, 0, 5, hours, minutes)))})`;
}
