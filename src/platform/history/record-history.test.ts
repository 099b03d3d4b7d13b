import assert from 'node:assert/strict';
import { test } from 'node:test';
import { changedFields } from './record-history.js';

test('changed fields: only what differs, missing and null alike, arrays compared by value', () => {
  assert.deepEqual(changedFields({ a: 1, b: 'x', c: ['en'] }, { a: 1, b: 'y', c: ['en'] }), ['b']);
  assert.deepEqual(changedFields({ a: null }, {}), []);
  assert.deepEqual(changedFields({ languages: ['en'] }, { languages: ['en', 'cy'] }), ['languages']);
  assert.deepEqual(changedFields({}, { knownAs: 'Mo' }), ['knownAs']);
});
