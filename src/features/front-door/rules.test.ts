import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decisionClock, decisionDueOn, familyLetter, isReReferral } from './rules.js';

const england = { nation: 'england' as const, closureDays: [] };

test('a decision is due the next working day, or the same working day when urgent', () => {
  assert.equal(decisionDueOn('2025-09-05', 'standard', england), '2025-09-08', 'Friday to Monday');
  assert.equal(decisionDueOn('2026-12-24', 'standard', england), '2026-12-29', 'over Christmas and Boxing Day (moved)');
  assert.equal(decisionDueOn('2026-12-24', 'standard', { ...england, closureDays: ['2026-12-29'] }), '2026-12-30');
  assert.equal(decisionDueOn('2025-09-05', 'immediate', england), '2025-09-05');
  assert.equal(decisionDueOn('2025-09-06', 'same_day', england), '2025-09-08', 'a Saturday contact: Monday');
});

test('the clock counts working days left, and says when it is overdue', () => {
  assert.deepEqual(decisionClock('2025-09-05', 'standard', '2025-09-05', england), {
    dueOn: '2025-09-08',
    workingDaysLeft: 1,
    overdue: false,
  });
  assert.equal(decisionClock('2025-09-05', 'standard', '2025-09-08', england).workingDaysLeft, 0);
  const late = decisionClock('2025-09-05', 'standard', '2025-09-10', england);
  assert.equal(late.overdue, true);
  assert.equal(late.workingDaysLeft, -2);
});

test('a re-referral is a contact within 12 months of the case closing', () => {
  assert.equal(isReReferral(null, '2026-01-01'), false);
  assert.equal(isReReferral('2025-03-01', '2026-03-01'), true, '12 months to the day');
  assert.equal(isReReferral('2025-03-01', '2026-03-02'), false);
  assert.equal(isReReferral('2026-04-01', '2026-03-01'), false, 'closed after the contact');
});

test('the family’s letter: who got in touch, the worker’s words, what happens next', () => {
  const letter = familyLetter({
    childNames: ['Mia', 'Leo'],
    receivedOn: '2025-09-05',
    receivedOnText: '5 September 2025',
    decision: 'referral',
    letterToFamily: 'We would like to meet you.\n\nYou can bring someone with you.',
    councilName: 'Demo Borough Council',
  });
  assert.equal(letter.paragraphs.length, 4);
  assert.match(letter.paragraphs[0]!, /worried about Mia and Leo/);
  assert.equal(letter.paragraphs[2], 'You can bring someone with you.');
  assert.match(letter.paragraphs[3]!, /social worker will get in touch/);
});
