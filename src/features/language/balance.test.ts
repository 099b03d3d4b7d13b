import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkBalance, recordedIn } from './balance.js';

test('counts what is actually written; "nil" and "none noted" hold a place but record nothing', () => {
  assert.equal(
    recordedIn(['Nan visits weekly', 'nil', 'None noted.', 'N/A', '  ', '-', 'Goes to school every day']),
    2,
  );
});

test('a balanced record has no notes', () => {
  const balance = checkBalance({
    strengths: ['Nan visits weekly', 'Mum gets the children to school'],
    worries: ['Dad’s drinking at weekends'],
    childsView: ['Mia says she feels safe with Nan'],
  });
  assert.deepEqual(balance, { strengths: 2, worries: 1, childsView: 1, notes: [] });
});

test('no strengths: ask what is working well', () => {
  assert.deepEqual(
    checkBalance({ strengths: ['none'], worries: ['Missed school'], childsView: ['I like Nan'] }).notes,
    ['No strengths recorded yet: what is working well?'],
  );
});

test('no worries, and no child’s view (named when the name is known)', () => {
  assert.deepEqual(checkBalance({ strengths: ['Nan visits'], worries: [], childsView: [] }, 'Mia').notes, [
    'No worries recorded: is there anything anyone is worried about?',
    'Mia’s own view is not recorded yet: what do they say?',
  ]);
  assert.deepEqual(checkBalance({ strengths: ['a'], worries: ['b'], childsView: [] }).notes, [
    'The child’s own view is not recorded yet: what do they say?',
  ]);
});

test('an empty form gets one prompt about strengths, not a second about worries', () => {
  assert.deepEqual(checkBalance({ strengths: [], worries: [], childsView: ['x'] }).notes, [
    'No strengths recorded yet: what is working well?',
  ]);
});

test('far more worries than strengths: a gentle prompt, never a score', () => {
  const balance = checkBalance({ strengths: ['Loves football'], worries: ['a', 'b', 'c'], childsView: ['x'] });
  assert.deepEqual(balance.notes, ['Far more worries than strengths are recorded: what is going well, however small?']);
  assert.deepEqual(Object.keys(balance), ['strengths', 'worries', 'childsView', 'notes']);
});
