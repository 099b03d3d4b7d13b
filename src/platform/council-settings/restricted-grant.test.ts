import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  DEFAULT_RESTRICTED_GRANT_RULE,
  restrictedGrantExpiry,
  restrictedGrantRuleInWords,
  type RestrictedGrantRule,
} from './restricted-grant.js';

const endOfDay = (workingDayEndsAt: string): RestrictedGrantRule => ({
  ...DEFAULT_RESTRICTED_GRANT_RULE,
  until: 'end_of_working_day',
  workingDayEndsAt,
});
const expiry = (rule: RestrictedGrantRule, iso: string) => restrictedGrantExpiry(rule, new Date(iso)).toISOString();

test('by default a grant ends at 17:30 UK time the same day, in summer (BST) and in winter (GMT)', () => {
  assert.equal(expiry(DEFAULT_RESTRICTED_GRANT_RULE, '2026-06-05T08:05:00Z'), '2026-06-05T16:30:00.000Z');
  assert.equal(expiry(DEFAULT_RESTRICTED_GRANT_RULE, '2026-12-07T09:00:00Z'), '2026-12-07T17:30:00.000Z');
});

test('opened within an hour of the end of the day, or after it, it lasts until the same time the next day', () => {
  const rule = endOfDay('17:30');
  assert.equal(expiry(rule, '2026-12-07T16:29:59Z'), '2026-12-07T17:30:00.000Z', 'just over an hour left');
  assert.equal(expiry(rule, '2026-12-07T16:30:00Z'), '2026-12-07T17:30:00.000Z', 'exactly an hour left');
  assert.equal(expiry(rule, '2026-12-07T16:45:00Z'), '2026-12-08T17:30:00.000Z', 'under an hour left');
  assert.equal(expiry(rule, '2026-12-07T22:00:00Z'), '2026-12-08T17:30:00.000Z', 'out of hours');
  // 00:30 UK time on 8 December is the 8th's working day.
  assert.equal(expiry(rule, '2026-12-08T00:30:00Z'), '2026-12-08T17:30:00.000Z');
});

test('the UK day, not the UTC day: 23:30 UTC on 5 June is 00:30 on 6 June in London', () => {
  assert.equal(expiry(endOfDay('17:30'), '2026-06-05T23:30:00Z'), '2026-06-06T16:30:00.000Z');
});

test('across a change of the clocks the end of the day is still 17:30 on the wall', () => {
  // Clocks went forward at 01:00 UTC on 29 March 2026; back at 01:00 UTC on 25 October 2026.
  assert.equal(expiry(endOfDay('17:30'), '2026-03-28T20:00:00Z'), '2026-03-29T16:30:00.000Z');
  assert.equal(expiry(endOfDay('17:30'), '2026-10-24T20:00:00Z'), '2026-10-25T17:30:00.000Z');
  assert.equal(expiry(endOfDay('23:30'), '2026-10-25T00:30:00Z'), '2026-10-25T23:30:00.000Z');
});

test('a council may choose a number of hours instead', () => {
  const rule: RestrictedGrantRule = { ...DEFAULT_RESTRICTED_GRANT_RULE, until: 'hours', hours: 4 };
  assert.equal(expiry(rule, '2026-12-07T22:00:00Z'), '2026-12-08T02:00:00.000Z');
});

test('no grant lasts longer than a day and an hour, whichever rule and time', () => {
  for (const rule of [
    endOfDay('12:00'),
    endOfDay('17:30'),
    endOfDay('23:59'),
    { ...endOfDay('17:30'), until: 'hours' as const, hours: 24 },
  ]) {
    for (let minute = 0; minute < 48 * 60; minute += 7) {
      const now = new Date(Date.UTC(2026, 2, 28) + minute * 60_000);
      const length = restrictedGrantExpiry(rule, now).getTime() - now.getTime();
      assert.ok(length > 0 && length <= 25 * 3_600_000, `${rule.workingDayEndsAt} at ${now.toISOString()}`);
    }
  }
});

test('the rule in words', () => {
  assert.equal(restrictedGrantRuleInWords(DEFAULT_RESTRICTED_GRANT_RULE), 'until the end of the working day (5:30pm)');
  assert.equal(
    restrictedGrantRuleInWords({ ...DEFAULT_RESTRICTED_GRANT_RULE, until: 'hours', hours: 1 }),
    'for 1 hour',
  );
  assert.equal(
    restrictedGrantRuleInWords({ ...DEFAULT_RESTRICTED_GRANT_RULE, until: 'hours', hours: 8 }),
    'for 8 hours',
  );
});
