import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ageInYears, childVersionOf, familyVersionOf, familyVersionText } from './family-version.js';
import { familyPlanPdf } from './pdf.js';
import type { PlanContent } from './plan-rules.js';

const content: PlanContent = {
  title: 'Mia’s plan',
  kind: 'child_in_need',
  startsOn: '2026-11-01',
  reviewBy: '2027-02-01',
  support: 'Priya visits every week',
  goals: [
    {
      id: 'g1',
      goalInFamilyWords: 'Mia gets to school every day',
      professionalWording: 'Attendance above 95%',
      worries: [{ id: 'w1', statement: 'Mia missed school' }],
      fromSafetyGoalId: null,
    },
  ],
  actions: [
    {
      id: 'a1',
      whatWillHappen: 'Walk Mia to school on Mondays',
      goalId: 'g1',
      ownerPersonId: null,
      ownerName: 'Nan',
      ownerCircle: 'family',
      dueOn: '2027-01-10',
      status: 'in_progress',
      fromNextStepId: null,
      fromMeeting: null,
    },
    {
      id: 'a2',
      whatWillHappen: 'Find a breakfast club',
      goalId: null,
      ownerPersonId: null,
      ownerName: 'Priya',
      ownerCircle: 'professional',
      dueOn: '2026-12-01',
      status: 'done',
      fromNextStepId: null,
      fromMeeting: null,
    },
  ],
};

test('the family version puts each action under its goal, in one plain sentence', () => {
  const version = familyVersionOf(content, 'Mia', {
    achieved: [
      { heldOn: '2026-12-01', text: 'Mia went every day for two weeks' },
      { heldOn: '2026-12-15', text: null },
    ],
    changesSinceAgreed: null,
  });
  assert.equal(version.goals[0]!.actions[0]!.sentence, 'Nan: Walk Mia to school on Mondays, by 10 January 2027.');
  assert.deepEqual(
    version.otherActions.map((action) => action.status),
    ['Done'],
  );
  assert.deepEqual(version.achieved, [{ on: '1 December 2026', text: 'Mia went every day for two weeks' }]);
  assert.equal(version.changes, null);
  const text = familyVersionText(version);
  assert.match(text, /^This is the plan for Mia\./);
  assert.match(text, /Mia gets to school every day\.\n/);
  assert.match(text, /Priya visits every week\./);
});

test('changes since agreement keep only the reasons given', () => {
  const version = familyVersionOf(content, 'Mia', {
    achieved: [],
    changesSinceAgreed: {
      agreedOn: '2026-11-03',
      differences: [],
      changes: [
        { recordedAt: new Date('2026-11-20T10:00:00Z'), reason: 'Nan is in hospital' },
        { recordedAt: new Date('2026-11-21T10:00:00Z'), reason: null },
      ],
    },
  });
  assert.deepEqual(version.changes, {
    agreedOn: '3 November 2026',
    differences: [],
    reasons: [{ on: '20 November 2026', reason: 'Nan is in hospital' }],
  });
});

test('age in whole years, counting the birthday', () => {
  assert.equal(ageInYears('2019-06-15', '2026-06-14'), 6);
  assert.equal(ageInYears('2019-06-15', '2026-06-15'), 7);
  assert.equal(ageInYears(null, '2026-06-15'), null);
});

test('the child’s version: fewer words for a young child, who does what for an older one, never an empty part', () => {
  const young = childVersionOf(content, 'Mia', 6, []);
  assert.deepEqual(
    young.map((part) => part.picture),
    ['heart', 'home', 'people', 'calendar'],
  );
  assert.deepEqual(young[2]!.sentences, ['Nan is helping.', 'Priya is helping.']);
  const older = childVersionOf(content, 'Mia', 12, ['You went to school every day']);
  assert.deepEqual(older[2]!.sentences, ['Nan: Walk Mia to school on Mondays.']);
  assert.equal(older.find((part) => part.picture === 'star')!.sentences[0], 'You went to school every day');
  const empty = childVersionOf({ ...content, goals: [], actions: [], reviewBy: null }, 'Mia', 12, []);
  assert.deepEqual(
    empty.map((part) => part.picture),
    ['heart'],
  );
});

test('the PDF is a PDF', async () => {
  const version = familyVersionOf(content, 'Mia', { achieved: [], changesSinceAgreed: null });
  const pdf = await familyPlanPdf(version, { childName: 'Mia', council: 'Demo Borough' });
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
  assert.ok(pdf.length > 1000);
});
