import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { WorkingDayCalendar } from '../../platform/working-days/index.js';
import {
  assessmentDue,
  dueStatus,
  initialConferenceDue,
  nextVisitDue,
  notSeenForInWords,
  reviewConferenceDue,
} from './due-dates.js';
import { DEFAULT_TIMESCALE_POLICY, policyChanges } from './policy.js';

const england: WorkingDayCalendar = { nation: 'england', closureDays: [] };

test('statutory due dates are derived in working days and months', () => {
  assert.equal(assessmentDue('2026-12-07', england), '2027-02-11');
  assert.equal(initialConferenceDue('2026-05-01', england), '2026-05-26');
  assert.equal(reviewConferenceDue('2026-03-03', true), '2026-06-03');
  assert.equal(reviewConferenceDue('2026-06-03', false), '2026-12-03');
  assert.equal(nextVisitDue('2026-12-18', 'child_protection', DEFAULT_TIMESCALE_POLICY, england), '2027-01-06');
});

test('how a due date stands, in words', () => {
  assert.deepEqual(dueStatus('Assessment', '2026-12-15', '2026-12-07', england), {
    workingDaysLeft: 6,
    urgency: 'on_track',
    words: 'Assessment due in 6 working days',
  });
  assert.equal(dueStatus('Visit', '2026-12-08', '2026-12-07', england).words, 'Visit due in 1 working day');
  assert.equal(dueStatus('Visit', '2026-12-08', '2026-12-07', england).urgency, 'due_soon');
  assert.equal(dueStatus('Visit', '2026-12-07', '2026-12-07', england).words, 'Visit due today');
  assert.equal(dueStatus('Visit', '2026-12-03', '2026-12-07', england).words, 'Visit overdue by 2 working days');
  // Due on a Saturday, seen on the Sunday: still late, by at least a day.
  assert.equal(dueStatus('Visit', '2026-12-05', '2026-12-06', england).words, 'Visit overdue by 1 working day');
});

test('not seen for: days, weeks, then months', () => {
  assert.equal(notSeenForInWords(null, '2026-12-07'), 'Not seen yet');
  assert.equal(notSeenForInWords('2026-12-07', '2026-12-07'), 'Seen today');
  assert.equal(notSeenForInWords('2026-12-06', '2026-12-07'), 'Seen yesterday');
  assert.equal(notSeenForInWords('2026-12-01', '2026-12-07'), 'Not seen for 6 days');
  assert.equal(notSeenForInWords('2026-11-16', '2026-12-07'), 'Not seen for 3 weeks');
  assert.equal(notSeenForInWords('2025-10-02', '2026-12-07'), 'Not seen for 14 months');
});

test('what changed between two policies, in words', () => {
  const stricter = {
    ...DEFAULT_TIMESCALE_POLICY,
    visitEveryWorkingDays: { ...DEFAULT_TIMESCALE_POLICY.visitEveryWorkingDays, child_protection: 5 },
  };
  assert.deepEqual(policyChanges(DEFAULT_TIMESCALE_POLICY, stricter), [
    'Child protection visits: 10 working days to 5 working days',
  ]);
});
