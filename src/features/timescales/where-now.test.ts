import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Journey } from '../episodes/index.js';
import { DEFAULT_TIMESCALE_POLICY } from './policy.js';
import { whereNowFrom } from './where-now.js';

const england = { nation: 'england', closureDays: [] } as const;
const none: Journey = {
  openEpisodes: [],
  currentReferral: null,
  childProtectionPlanSince: null,
  initialConferenceDueOn: null,
  reviewConferenceDueOn: null,
  lastClosedOn: null,
  status: 'new',
};

test('a child protection plan, allocated, not seen for 14 months', () => {
  const journey: Journey = {
    ...none,
    status: 'open',
    childProtectionPlanSince: '2026-03-03',
    reviewConferenceDueOn: '2026-12-15',
    openEpisodes: [
      {
        id: 'e1',
        kind: 'child_protection',
        name: 'Child protection',
        startsOn: '2026-03-03',
        leadPractitioner: null,
        planCategories: ['neglect'],
      },
    ],
  };
  const now = whereNowFrom(journey, ['Alex Morgan'], '2025-10-02', DEFAULT_TIMESCALE_POLICY, england, '2026-12-07');
  assert.equal(now.journey, 'Child protection plan since 3 March 2026 · allocated to Alex Morgan');
  assert.deepEqual(
    now.next.map((step) => step.words),
    ['Not seen for 14 months', 'Review conference due in 6 working days'],
  );
  assert.ok(now.urgency < 0);
});

test('being assessed: the assessment counts down; nothing open sorts last', () => {
  const journey: Journey = {
    ...none,
    status: 'open',
    currentReferral: {
      id: 'r1',
      referredOn: '2026-12-01',
      assessmentDueOn: '2026-12-15',
      outcome: null,
      completedOn: null,
    },
  };
  const now = whereNowFrom(journey, [], null, DEFAULT_TIMESCALE_POLICY, england, '2026-12-07');
  assert.equal(now.journey, 'Referred on 1 December 2026, being assessed · not allocated');
  assert.deepEqual(
    now.next.map((step) => step.words),
    ['Assessment due in 6 working days'],
  );
  const quiet = whereNowFrom(none, [], null, DEFAULT_TIMESCALE_POLICY, england, '2026-12-07');
  assert.equal(quiet.journey, 'No open episode of help · not allocated');
  assert.equal(quiet.urgency, Number.MAX_SAFE_INTEGER);
});
