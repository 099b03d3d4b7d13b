import assert from 'node:assert/strict';
import { test } from 'node:test';
import { presentWhen } from './presenters.js';

test('a visit’s time is written the GOV.UK way, in UK time', () => {
  assert.equal(presentWhen('2026-11-23T09:05:00Z'), 'Monday 23 November 2026, 9:05am');
  assert.equal(presentWhen('2026-07-02T13:05:00Z'), 'Thursday 2 July 2026, 2:05pm', 'British Summer Time');
  assert.equal(presentWhen('2026-11-23T12:30:00Z'), 'Monday 23 November 2026, 12:30pm', 'the hour after midday is 12');
  assert.equal(
    presentWhen('2026-11-23T00:15:00Z'),
    'Monday 23 November 2026, 12:15am',
    'the hour after midnight is 12',
  );
  assert.equal(presentWhen('2026-11-23T12:00:00Z'), 'Monday 23 November 2026, midday');
  assert.equal(presentWhen('2026-11-23T00:00:00Z'), 'Monday 23 November 2026, midnight');
});

test('a day without a time is written as the day alone', () => {
  assert.equal(presentWhen('2026-11-25'), '25 November 2026');
});
