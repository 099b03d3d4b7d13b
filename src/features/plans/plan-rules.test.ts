import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  sameContent,
  changesExpectations,
  dateInWords,
  nextActionDueOn,
  overdueActions,
  ownerNamed,
  planActionFromMeeting,
  planDifferences,
  progressByGoal,
  reasonForActionFromMeeting,
  reasonProblem,
  reviewDateProblem,
  reviewIsOverdue,
  sourceInWords,
  withoutAction,
  withoutGoal,
  type PlanAction,
  type PlanContent,
  type PlanGoal,
} from './plan-rules.js';
import { describeProgress, renderProgressChart } from './progress-chart.js';

const goal = (overrides: Partial<PlanGoal> = {}): PlanGoal => ({
  id: 'g1',
  goalInFamilyWords: 'Mia gets to school every day with a grown-up she trusts',
  professionalWording: null,
  worries: [],
  fromSafetyGoalId: null,
  ...overrides,
});
const action = (overrides: Partial<PlanAction> = {}): PlanAction => ({
  id: 'a1',
  whatWillHappen: 'Nan walks Mia to school on Mondays',
  goalId: 'g1',
  ownerPersonId: null,
  ownerName: 'Nan',
  ownerCircle: 'family',
  dueOn: '2027-01-10',
  status: 'not_started',
  ...{ fromNextStepId: null, fromMeeting: null },
  ...overrides,
});
const plan = (overrides: Partial<PlanContent> = {}): PlanContent => ({
  title: 'Mia’s plan',
  kind: 'child_in_need',
  startsOn: '2026-11-01',
  reviewBy: '2027-02-01',
  support: 'Family support worker weekly',
  goals: [goal()],
  actions: [action()],
  ...overrides,
});

describe('no moving goalposts', () => {
  test('rewording a goal changes what is expected', () => {
    assert.equal(
      changesExpectations(plan(), plan({ goals: [goal({ goalInFamilyWords: 'Mia goes to school' })] })),
      true,
    );
  });
  test('moving a due date, changing an owner or an expectation changes what is expected', () => {
    assert.equal(changesExpectations(plan(), plan({ actions: [action({ dueOn: '2027-01-03' })] })), true);
    assert.equal(changesExpectations(plan(), plan({ actions: [action({ ownerName: 'Dad' })] })), true);
    assert.equal(
      changesExpectations(plan(), plan({ actions: [action({ whatWillHappen: 'Nan walks Mia daily' })] })),
      true,
    );
  });
  test('adding or removing a goal or an action changes what is expected', () => {
    assert.equal(changesExpectations(plan(), plan({ goals: [goal(), goal({ id: 'g2' })] })), true);
    assert.equal(changesExpectations(plan(), plan({ actions: [] })), true);
  });
  test('linking a goal to another worry changes what is expected', () => {
    assert.equal(
      changesExpectations(plan(), plan({ goals: [goal({ worries: [{ id: 'w1', statement: 'Shouting at night' }] })] })),
      true,
    );
  });
  test('marking an action done does not, and neither does saving the same plan', () => {
    assert.equal(changesExpectations(plan(), plan({ actions: [action({ status: 'done' })] })), false);
    assert.equal(changesExpectations(plan(), plan()), false);
  });
  test('a draft plan needs no reason; an agreed plan needs one for a change of expectation only', () => {
    const moved = plan({ actions: [action({ dueOn: '2027-03-01' })] });
    assert.equal(reasonProblem('draft', plan(), moved, ''), null);
    assert.match(reasonProblem('agreed', plan(), moved, '  ') ?? '', /Enter why this is changing/);
    assert.equal(reasonProblem('agreed', plan(), moved, 'Nan is in hospital in January'), null);
    assert.equal(reasonProblem('agreed', plan(), plan({ actions: [action({ status: 'done' })] }), ''), null);
  });
});

describe('what changed, side by side', () => {
  test('a moved due date shows the old and the new date in words', () => {
    const differences = planDifferences(plan(), plan({ actions: [action({ dueOn: '2027-03-01' })] }));
    assert.deepEqual(differences, [
      {
        subject: 'action',
        name: 'Nan walks Mia to school on Mondays',
        change: 'changed',
        heading: 'Changed: Nan walks Mia to school on Mondays',
        rows: [{ field: 'By when', before: '10 January 2027', after: '1 March 2027' }],
      },
    ]);
  });
  test('added and removed goals are listed with their words', () => {
    const after = plan({ goals: [goal({ id: 'g2', goalInFamilyWords: 'Bedtime is calm' })], actions: [] });
    const differences = planDifferences(plan(), after);
    assert.deepEqual(
      differences.map((difference) => [difference.subject, difference.change, difference.name]),
      [
        ['goal', 'removed', 'Mia gets to school every day with a grown-up she trusts'],
        ['goal', 'added', 'Bedtime is calm'],
        ['action', 'removed', 'Nan walks Mia to school on Mondays'],
      ],
    );
    assert.deepEqual(
      differences.map((difference) => difference.heading),
      [
        'Taken out: Mia gets to school every day with a grown-up she trusts',
        'Added: Bedtime is calm',
        'Taken out: Nan walks Mia to school on Mondays',
      ],
    );
    const added = differences.find((difference) => difference.change === 'added')!;
    assert.deepEqual(added.rows, [{ field: 'The goal in the family’s words', before: '', after: 'Bedtime is calm' }]);
  });
  test('changes to the plan itself come first; nothing changed gives nothing', () => {
    assert.deepEqual(planDifferences(plan(), plan()), []);
    const differences = planDifferences(plan(), plan({ startsOn: '2026-11-08', support: null }));
    assert.equal(differences[0]!.subject, 'plan');
    assert.deepEqual(
      differences[0]!.rows.map((row) => row.field),
      ['Starts', 'Support the family will get'],
    );
  });
  test('the next review date is set at each review: not a change of expectation, not a difference', () => {
    assert.equal(changesExpectations(plan(), plan({ reviewBy: '2027-03-01' })), false);
    assert.deepEqual(planDifferences(plan(), plan({ reviewBy: '2027-03-01' })), []);
  });
});

describe('overdue', () => {
  test('the next due date is the earliest of the actions not done', () => {
    assert.equal(
      nextActionDueOn([action({ dueOn: '2027-02-01' }), action({ id: 'a2', dueOn: '2027-01-01', status: 'done' })]),
      '2027-02-01',
    );
    assert.equal(nextActionDueOn([action({ status: 'done' })]), null);
  });
  test('an action is overdue after its due date unless done; due today is not overdue', () => {
    const actions = [
      action({ dueOn: '2027-01-09' }),
      action({ id: 'a2', dueOn: '2027-01-10' }),
      action({ id: 'a3', dueOn: '2027-01-01', status: 'done' }),
    ];
    assert.deepEqual(
      overdueActions(actions, '2027-01-10').map((overdue) => overdue.dueOn),
      ['2027-01-09'],
    );
  });
  test('a review is overdue after its date', () => {
    assert.equal(reviewIsOverdue('2027-01-01', '2027-01-02'), true);
    assert.equal(reviewIsOverdue('2027-01-02', '2027-01-02'), false);
    assert.equal(reviewIsOverdue(null, '2027-01-02'), false);
  });
});

describe('reviews and progress', () => {
  test('a review before the plan starts is refused with the start date in words', () => {
    assert.equal(
      reviewDateProblem('2026-10-31', '2026-11-01'),
      'The review must be on or after the day the plan started (1 November 2026)',
    );
    assert.equal(reviewDateProblem('2026-11-01', '2026-11-01'), null);
  });
  test('progress per goal is each review in date order with the average', () => {
    const progress = progressByGoal(
      [goal(), goal({ id: 'g2', goalInFamilyWords: 'Calm bedtimes' })],
      [
        {
          heldOn: '2027-02-01',
          scores: [
            { goalId: 'g1', personName: 'Sarah', score: 7 },
            { goalId: 'g1', personName: 'Worker', score: 6 },
          ],
        },
        { heldOn: '2026-12-01', scores: [{ goalId: 'g1', personName: 'Sarah', score: 4 }] },
      ],
    );
    assert.deepEqual(
      progress[0]!.points.map((point) => [point.heldOn, point.average]),
      [
        ['2026-12-01', 4],
        ['2027-02-01', 6.5],
      ],
    );
    assert.deepEqual(
      progress[1]!.points.map((point) => point.average),
      [null, null],
    );
  });
  test('the chart says in words what it draws and escapes the family’s words', () => {
    const [progress] = progressByGoal(
      [goal({ goalInFamilyWords: 'Mum & Mia <together>' })],
      [{ heldOn: '2026-12-01', scores: [{ goalId: 'g1', personName: 'Sarah', score: 4 }] }],
    );
    const svg = renderProgressChart(progress!, 'goal-g1');
    assert.match(svg, /role="img"/);
    assert.match(svg, /Mum &amp; Mia &lt;together&gt;/);
    assert.doesNotMatch(svg, /<together>/);
    assert.match(describeProgress(progress!), /4 out of 10 on 1 December 2026/);
    assert.match(svg, /<circle /);
  });
  test('a chart with no scores says so', () => {
    const [progress] = progressByGoal([goal()], []);
    assert.match(describeProgress(progress!), /No scores yet/);
  });
});

test('dates in words', () => {
  assert.equal(dateInWords('2027-03-03'), '3 March 2027');
  assert.equal(dateInWords(null), 'Not set');
});

describe('taking out', () => {
  test('taking a goal out keeps its actions, for the whole plan', () => {
    const after = withoutGoal(plan(), 'g1');
    assert.notEqual(typeof after, 'string');
    const content = after as PlanContent;
    assert.deepEqual(content.goals, []);
    assert.equal(content.actions[0]!.goalId, null);
    assert.equal(changesExpectations(plan(), content), true);
    assert.equal(withoutGoal(content, 'g1'), 'This goal is no longer in the plan');
  });
  test('taking an action out', () => {
    assert.deepEqual((withoutAction(plan(), 'a1') as PlanContent).actions, []);
    assert.equal(withoutAction(plan(), 'nope'), 'This action is no longer in the plan');
  });
});

describe('actions from a meeting', () => {
  const source = {
    meetingId: 'm1',
    actionId: 'ma1',
    meetingName: 'child in need review',
    heldOn: '2027-02-03',
  };
  test('the source and the reason, in words', () => {
    assert.equal(sourceInWords(source), 'From the child in need review on 3 February 2027');
    assert.equal(reasonForActionFromMeeting(source), 'Added from the child in need review on 3 February 2027');
  });
  test('the reason is what lets an agreed plan take the new action', () => {
    const before = plan();
    const after = plan({ actions: [...before.actions, action({ id: 'a2', fromMeeting: source })] });
    assert.match(reasonProblem('agreed', before, after, '') ?? '', /Enter why this is changing/);
    assert.equal(reasonProblem('agreed', before, after, reasonForActionFromMeeting(source)), null);
  });
  test('a meeting action is found in whichever plan holds it, and only by its own meeting and id', () => {
    const plans = [
      { id: 'p1', actions: [action()] },
      { id: 'p2', actions: [action({ id: 'a2', fromMeeting: source })] },
    ];
    const found = planActionFromMeeting(plans, 'm1', 'ma1');
    assert.equal(found?.plan.id, 'p2');
    assert.equal(found?.action.id, 'a2');
    assert.equal(planActionFromMeeting(plans, 'm2', 'ma1'), null, 'another meeting’s action of the same id');
    assert.equal(planActionFromMeeting(plans, 'm1', 'ma2'), null);
    // Actions saved before sources were kept have no fromMeeting at all.
    const older = [{ id: 'p3', actions: [{ ...action(), fromMeeting: undefined } as unknown as PlanAction] }];
    assert.equal(planActionFromMeeting(older, 'm1', 'ma1'), null);
  });
  test('the owner is found in the network by full name or the name they are known by, when only one matches', () => {
    const owners = [
      { personId: 'pat', name: 'Patricia Thompson (Nan Pat)', fullName: 'Patricia Thompson', knownAs: 'Nan Pat' },
      { personId: 'sarah', name: 'Sarah Thompson', fullName: 'Sarah Thompson', knownAs: null },
      { personId: 'sam-1', name: 'Sam Jones', fullName: 'Sam Jones', knownAs: 'Sam' },
      { personId: 'sam-2', name: 'Sam Lee', fullName: 'Sam Lee', knownAs: 'Sam' },
    ];
    assert.equal(ownerNamed('Nan Pat', owners)?.personId, 'pat');
    assert.equal(ownerNamed('  nan   pat ', owners)?.personId, 'pat');
    assert.equal(ownerNamed('Sarah Thompson', owners)?.personId, 'sarah');
    assert.equal(ownerNamed('Sam', owners), null, 'two people known as Sam: nobody is guessed');
    assert.equal(ownerNamed('The social worker', owners), null);
    assert.equal(ownerNamed('', owners), null);
  });
});

test('a plan read back with its fields in another order is the same plan; a changed word is not', () => {
  const stored = { title: 'Calmer evenings', goals: [{ worries: [], id: 'g1', goalInFamilyWords: 'Calm' }] };
  const sent = { goals: [{ id: 'g1', goalInFamilyWords: 'Calm', worries: [] }], title: 'Calmer evenings' };
  assert.equal(sameContent(stored, sent), true);
  assert.equal(sameContent(stored, { ...sent, title: 'Calmer evenings!' }), false);
  assert.equal(sameContent({ goals: ['a', 'b'] }, { goals: ['b', 'a'] }), false, 'order in a list counts');
  assert.equal(sameContent({ a: 1, b: undefined }, { a: 1 }), true);
});
