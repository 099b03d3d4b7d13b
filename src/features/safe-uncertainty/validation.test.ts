import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findingSchema, isoDateFromParts, isRealIsoDate, newPositionSchema, newQuestionSchema } from './validation.js';

const today = new Date().toISOString().slice(0, 10);
const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues.map((issue) => issue.message) ?? [];

test('a position needs a known grid value, reasons and a real date not in the future', () => {
  assert.ok(
    newPositionSchema.safeParse({ position: 'safe_uncertainty', reasons: 'Plan holding', assessedOn: today }).success,
  );
  assert.deepEqual(
    messages(newPositionSchema.safeParse({ position: 'fairly_safe', reasons: 'x', assessedOn: today })),
    ['Choose where the work stands on the grid'],
  );
  assert.deepEqual(
    messages(newPositionSchema.safeParse({ position: 'safe_certainty', reasons: '   ', assessedOn: today })),
    ['Enter the reasons for this position'],
  );
  assert.deepEqual(
    messages(newPositionSchema.safeParse({ position: 'safe_certainty', reasons: 'x', assessedOn: '2999-01-01' })),
    ['The date of this position must be today or in the past'],
  );
});

test('a question needs its kind, its words and a real revisit date, today or later', () => {
  assert.ok(newQuestionSchema.safeParse({ kind: 'hypothesis', wording: 'Money', revisitOn: today }).success);
  assert.deepEqual(
    messages(newQuestionSchema.safeParse({ kind: 'hypothesis', wording: 'x', revisitOn: '2027-02-31' })),
    ['Enter the date to revisit as a real date, for example 27 3 2026'],
  );
  assert.deepEqual(
    messages(newQuestionSchema.safeParse({ kind: 'hypothesis', wording: 'x', revisitOn: 'not-a-date' })),
    ['Enter the date to revisit as a real date, for example 27 3 2026'],
  );
  assert.deepEqual(messages(newQuestionSchema.safeParse({ kind: 'hunch', wording: 'x', revisitOn: '2020-01-01' })), [
    'Choose whether this is a question or a hypothesis',
    'The date to revisit must be today or in the future',
  ]);
});

test('a finding needs words and a date found, today or earlier', () => {
  assert.ok(findingSchema.safeParse({ finding: 'Auntie Jess', foundOn: today }).success);
  assert.deepEqual(messages(findingSchema.safeParse({ finding: '', foundOn: '2999-01-01' })), [
    'Enter what was found',
    'The date it was found must be today or in the past',
  ]);
});

test('GOV.UK date parts become ISO dates; impossible dates do not', () => {
  assert.equal(isoDateFromParts('2', '12', '2026'), '2026-12-02');
  assert.equal(isoDateFromParts('', '', ''), '');
  assert.equal(isoDateFromParts('31', '2', '2026'), 'not-a-date');
  assert.equal(isoDateFromParts('1', '1', '26'), 'not-a-date');
  assert.equal(isRealIsoDate('2024-02-29'), true);
  assert.equal(isRealIsoDate('2026-02-29'), false);
});
