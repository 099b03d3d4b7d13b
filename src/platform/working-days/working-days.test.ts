import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ENGLAND_BANK_HOLIDAYS, WALES_BANK_HOLIDAYS } from './bank-holidays.js';
import {
  addDays,
  addMonths,
  addWorkingDays,
  dayOfWeek,
  isBankHoliday,
  isWorkingDay,
  workingDaysBetween,
  type IsoDate,
  type WorkingDayCalendar,
} from './index.js';

const ENGLAND: WorkingDayCalendar = { nation: 'england', closureDays: [] };
const WALES: WorkingDayCalendar = { nation: 'wales', closureDays: [] };

test('weekends and bank holidays are not working days', () => {
  assert.equal(isWorkingDay('2026-12-07', ENGLAND), true); // a Monday
  assert.equal(isWorkingDay('2026-12-05', ENGLAND), false); // Saturday
  assert.equal(isWorkingDay('2026-12-06', ENGLAND), false); // Sunday
  assert.equal(isWorkingDay('2026-12-25', ENGLAND), false); // Christmas Day, a Friday
  assert.equal(isWorkingDay('2026-12-28', ENGLAND), false); // Boxing Day's substitute
  assert.equal(isWorkingDay('2026-12-29', ENGLAND), true);
  assert.equal(isWorkingDay('2027-12-27', ENGLAND), false); // Christmas Day's substitute
  assert.equal(isWorkingDay('2027-12-28', ENGLAND), false); // Boxing Day's substitute
  assert.equal(isWorkingDay('2027-12-29', ENGLAND), true);
});

test('Easter 2026 and 2027: Good Friday and Easter Monday', () => {
  for (const date of ['2026-04-03', '2026-04-06', '2027-03-26', '2027-03-29']) {
    assert.equal(isBankHoliday(date, 'england'), true, date);
    assert.equal(isBankHoliday(date, 'wales'), true, date);
  }
  assert.equal(addWorkingDays('2026-04-02', 1, ENGLAND), '2026-04-07');
  assert.equal(workingDaysBetween('2027-03-25', '2027-03-30', ENGLAND), 1);
});

test('Wales has its own list, the same days as England for 2020 to 2027', () => {
  assert.notEqual(WALES_BANK_HOLIDAYS, ENGLAND_BANK_HOLIDAYS);
  assert.deepEqual([...WALES_BANK_HOLIDAYS], [...ENGLAND_BANK_HOLIDAYS]);
  assert.equal(isWorkingDay('2026-08-31', WALES), false);
});

test('every listed bank holiday is a weekday, listed once, in order', () => {
  for (const list of [ENGLAND_BANK_HOLIDAYS, WALES_BANK_HOLIDAYS]) {
    assert.equal(new Set(list).size, list.length);
    assert.deepEqual([...list].sort(), [...list]);
    for (const date of list) assert.ok(dayOfWeek(date) >= 1 && dayOfWeek(date) <= 5, date);
  }
  const perYear = new Map<string, number>();
  for (const date of ENGLAND_BANK_HOLIDAYS) perYear.set(date.slice(0, 4), (perYear.get(date.slice(0, 4)) ?? 0) + 1);
  for (const year of ['2024', '2025', '2026', '2027']) assert.equal(perYear.get(year), 8, year);
});

test("a council's own closure days do not count", () => {
  const calendar: WorkingDayCalendar = { nation: 'england', closureDays: ['2026-12-29', '2026-12-30', '2026-12-31'] };
  assert.equal(addWorkingDays('2026-12-24', 1, calendar), '2027-01-04');
  assert.equal(addWorkingDays('2026-12-24', 1, ENGLAND), '2026-12-29');
  assert.equal(workingDaysBetween('2026-12-24', '2027-01-04', calendar), 1);
});

test('adding 0 gives the day itself, or the next working day', () => {
  assert.equal(addWorkingDays('2026-12-07', 0, ENGLAND), '2026-12-07');
  assert.equal(addWorkingDays('2026-12-05', 0, ENGLAND), '2026-12-07');
  assert.equal(addWorkingDays('2026-12-25', 0, ENGLAND), '2026-12-29');
  assert.throws(() => addWorkingDays('2026-12-07', -1, ENGLAND), RangeError);
  assert.throws(() => addWorkingDays('2026-02-30', 1, ENGLAND), RangeError);
});

test('known statutory dates', () => {
  // An assessment for a referral on Monday 7 December 2026: 45 working days, over Christmas.
  assert.equal(addWorkingDays('2026-12-07', 45, ENGLAND), '2027-02-11');
  // An initial conference within 15 working days of a strategy discussion on 1 May 2026.
  assert.equal(addWorkingDays('2026-05-01', 15, ENGLAND), '2026-05-26'); // past two bank holidays
  assert.equal(workingDaysBetween('2026-12-07', '2026-12-07', ENGLAND), 0);
  assert.equal(workingDaysBetween('2026-12-07', '2026-12-08', ENGLAND), 1);
  assert.equal(workingDaysBetween('2026-12-08', '2026-12-07', ENGLAND), -1);
  assert.equal(workingDaysBetween('2026-12-04', '2026-12-07', ENGLAND), 1); // Friday to Monday
});

test('months: the same day, or the last day of a shorter month', () => {
  assert.equal(addMonths('2026-03-03', 3), '2026-06-03');
  assert.equal(addMonths('2026-01-31', 1), '2026-02-28');
  assert.equal(addMonths('2028-01-31', 1), '2028-02-29');
  assert.equal(addMonths('2026-11-30', 6), '2027-05-30');
  assert.equal(addMonths('2026-03-31', -1), '2026-02-28');
  assert.equal(addDays('2026-12-31', 1), '2027-01-01');
});

/** A small seeded generator (mulberry32), so a failing case can be run again. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function property(name: string, runs: number, check: (random: () => number) => void): void {
  test(`property: ${name}`, () => {
    for (let run = 0; run < runs; run += 1) {
      const seed = 20261207 + run;
      try {
        check(seeded(seed));
      } catch (error) {
        throw new Error(`failed with seed ${seed}: ${(error as Error).message}`, { cause: error });
      }
    }
  });
}

function randomDate(random: () => number): IsoDate {
  return addDays('2020-01-01', Math.floor(random() * 365 * 8));
}

function randomCalendar(random: () => number): WorkingDayCalendar {
  const closureDays = Array.from({ length: Math.floor(random() * 6) }, () => randomDate(random));
  return { nation: random() < 0.5 ? 'england' : 'wales', closureDays };
}

property('adding n working days and counting them back agree', 400, (random) => {
  const calendar = randomCalendar(random);
  const from = randomDate(random);
  const n = Math.floor(random() * 80);
  const due = addWorkingDays(from, n, calendar);
  const start = addWorkingDays(from, 0, calendar);
  assert.equal(workingDaysBetween(start, due, calendar), n);
  assert.equal(isWorkingDay(due, calendar), true);
});

property('counting is turned round when the dates are', 300, (random) => {
  const calendar = randomCalendar(random);
  const a = randomDate(random);
  const b = randomDate(random);
  assert.equal(workingDaysBetween(a, b, calendar), -workingDaysBetween(b, a, calendar));
});

property('counting adds up over a day in between', 300, (random) => {
  const calendar = randomCalendar(random);
  const [a, b, c] = [randomDate(random), randomDate(random), randomDate(random)].sort();
  assert.equal(
    workingDaysBetween(a!, c!, calendar),
    workingDaysBetween(a!, b!, calendar) + workingDaysBetween(b!, c!, calendar),
  );
});

property('weekends, bank holidays and closure days never count', 300, (random) => {
  const calendar = randomCalendar(random);
  const from = randomDate(random);
  const span = Math.floor(random() * 40);
  for (let i = 1; i <= span; i += 1) {
    const day = addDays(from, i);
    const counted = workingDaysBetween(addDays(day, -1), day, calendar);
    const blocked =
      dayOfWeek(day) === 0 ||
      dayOfWeek(day) === 6 ||
      isBankHoliday(day, calendar.nation) ||
      calendar.closureDays.includes(day);
    assert.equal(counted, blocked ? 0 : 1, day);
  }
});

property('one more working day is always later, never on a non-working day', 300, (random) => {
  const calendar = randomCalendar(random);
  const from = randomDate(random);
  const n = Math.floor(random() * 60);
  const due = addWorkingDays(from, n, calendar);
  const next = addWorkingDays(from, n + 1, calendar);
  assert.ok(next > due);
  for (let day = addDays(due, 1); day < next; day = addDays(day, 1)) assert.equal(isWorkingDay(day, calendar), false);
});
