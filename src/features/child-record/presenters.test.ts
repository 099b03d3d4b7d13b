import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ageOn, presentAge, presentDate } from './presenters.js';

test('age counts whole years, turning over on the birthday', () => {
  assert.equal(ageOn('2017-03-14', new Date('2026-03-13T12:00:00Z')), 8);
  assert.equal(ageOn('2017-03-14', new Date('2026-03-14T00:00:00Z')), 9);
  assert.equal(presentAge('2025-11-22', false, new Date('2026-11-22T00:00:00Z')), '1 year old');
  assert.equal(presentAge('1950-08-08', true, new Date('2026-11-22T00:00:00Z')), 'About 76 years old');
  assert.equal(presentAge(null, false), 'Age not known');
});

test('dates read the GOV.UK way', () => {
  assert.equal(presentDate('2025-09-08'), '8 September 2025');
  assert.equal(presentDate(null), 'Not known');
});
