import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detailsFormSchema, detailsToForm, parseDateOfBirth } from './details.js';

const today = new Date('2026-11-22T12:00:00Z');

test('date of birth: real dates only, not in the future, all blank means not known', () => {
  assert.deepEqual(parseDateOfBirth('14', '3', '2017', today), { ok: true, value: '2017-03-14' });
  assert.deepEqual(parseDateOfBirth('', '', '', today), { ok: true, value: null });
  assert.equal(parseDateOfBirth('31', '2', '2017', today).ok, false);
  assert.deepEqual(parseDateOfBirth('14', '', '2017', today), {
    ok: false,
    message: 'Date of birth must include a day, month and year',
  });
  assert.deepEqual(parseDateOfBirth('23', '11', '2026', today), {
    ok: false,
    message: 'Date of birth must be today or in the past',
  });
  assert.deepEqual(parseDateOfBirth('22', '11', '2026', today), { ok: true, value: '2026-11-22' });
  assert.equal(parseDateOfBirth('1', 'March', '2017', today).ok, false);
});

test('the form schema trims, turns blanks into nothing and splits languages', () => {
  const parsed = detailsFormSchema.parse({
    fullName: '  Mia Thompson ',
    knownAs: ' ',
    pronouns: 'she/her',
    languages: 'English, Welsh ,, ',
    whatTheyBring: '',
    dateOfBirthIsApproximate: false,
    reason: 'Spelling',
    isCorrection: true,
    expectedVersion: '2',
  });
  assert.equal(parsed.fullName, 'Mia Thompson');
  assert.equal(parsed.knownAs, null);
  assert.deepEqual(parsed.languages, ['English', 'Welsh']);
  assert.equal(parsed.expectedVersion, 2);
  assert.equal(
    detailsFormSchema.safeParse({ ...parsed, languages: '', reason: ' ', expectedVersion: 0 }).success,
    false,
  );
});

test('stored details become form values and back', () => {
  const form = detailsToForm({
    fullName: 'Mia Thompson',
    knownAs: null,
    pronouns: 'she/her',
    dateOfBirth: '2017-03-04',
    dateOfBirthIsApproximate: false,
    languages: ['English'],
    whatTheyBring: null,
  });
  assert.deepEqual([form.dobDay, form.dobMonth, form.dobYear, form.languages], ['4', '3', '2017', 'English']);
});
