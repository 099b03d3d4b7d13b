import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  actionPlanState,
  agreementProblems,
  bottomLinesFrom,
  coordinatorProblem,
  countFamilyMeetings,
  meetingHasBeenHeld,
  meetingNameInSentence,
  privateTimeProblems,
  stageAfter,
  stageProblem,
  stillInvited,
  whatIsWaiting,
  withdrawalProblem,
  type Conference,
  type ConferenceAgreement,
} from './conference.js';

const preparation = {
  referredOn: '2026-10-01',
  whyReferred: 'Worries about home',
  familyAgreedOn: '2026-10-03',
  childPreparation: 'Mia wants to say her part and then go out with Nan',
  advocate: null,
  language: null,
  interpreter: null,
  accessNeeds: null,
  venue: 'The community centre',
  food: 'Lunch',
  childcare: null,
};
const information = {
  worries: 'Shouting at night',
  strengths: 'Nan is always there',
  bottomLines: ['Mia and Leo sleep somewhere calm every night'],
  resources: null,
  questionsAndAnswers: null,
};
const privateFamilyTime = { startedAt: '11:00', endedAt: '12:15', familyPlan: 'Nan will have the children on Fridays' };
const agreement: ConferenceAgreement = {
  meetsBottomLines: true,
  unmetBottomLinesReason: null,
  planAccepted: true,
  whatWasAgreed: 'The family’s plan as brought back',
  changesAndWhy: null,
  resourcesCommitted: null,
  whoWillTellChild: 'Nan',
  reviewOn: '2027-01-20',
};

test('preparation may be recorded at any time before the plan is agreed', () => {
  assert.equal(stageProblem('preparation', {}, 'preparation', 0), null);
  assert.equal(stageProblem('preparation', { preparation }, 'information', 2), null);
});

test('the information stage needs the family’s agreement and someone from the family invited', () => {
  assert.match(stageProblem('information', {}, 'preparation', 2)!.message, /family agreed/);
  assert.match(stageProblem('information', { preparation }, 'preparation', 0)!.message, /Invite at least one/);
  assert.equal(stageProblem('information', { preparation }, 'preparation', 1), null);
});

test('private family time needs the information stage', () => {
  assert.match(stageProblem('privateFamilyTime', { preparation }, 'preparation', 1)!.message, /information stage/);
  assert.equal(stageProblem('privateFamilyTime', { preparation, information }, 'information', 1), null);
});

test('an agreement cannot be recorded before the information stage, nor before private family time', () => {
  const early = stageProblem('agreement', { preparation }, 'preparation', 1);
  assert.match(early!.message, /information stage before the agreement/);
  const noPlan = stageProblem('agreement', { preparation, information }, 'information', 1);
  assert.match(noPlan!.message, /private family time/);
  assert.equal(
    stageProblem('agreement', { preparation, information, privateFamilyTime }, 'private_family_time', 1),
    null,
  );
});

test('nothing more is recorded on an agreed conference: a review is a new one', () => {
  const full: Conference = { preparation, information, privateFamilyTime, agreement };
  assert.match(stageProblem('information', full, 'agreed', 1)!.message, /Start a review/);
  assert.match(stageProblem('preparation', full, 'agreed', 1)!.message, /Start a review/);
});

test('the stage moves forward as parts are recorded, and never back', () => {
  assert.equal(stageAfter('information', 'preparation'), 'information');
  assert.equal(stageAfter('preparation', 'information'), 'information');
  assert.equal(stageAfter('privateFamilyTime', 'information'), 'private_family_time');
  assert.equal(stageAfter('agreement', 'private_family_time', agreement), 'agreed');
  assert.equal(stageAfter('agreement', 'private_family_time', { ...agreement, planAccepted: false }), 'agreement');
});

test('private family time holds its start, end and the family’s plan, ending after it started', () => {
  assert.deepEqual(privateTimeProblems(privateFamilyTime), []);
  const fields = (time: typeof privateFamilyTime) => privateTimeProblems(time).map((problem) => problem.field);
  assert.deepEqual(fields({ ...privateFamilyTime, endedAt: '10:30' }), ['endedAt']);
  assert.deepEqual(fields({ startedAt: '', endedAt: '25:00', familyPlan: ' ' }), [
    'startedAt',
    'endedAt',
    'familyPlan',
  ]);
});

test('a plan accepted that does not meet a bottom line needs a recorded reason', () => {
  assert.deepEqual(agreementProblems(agreement, '2026-11-10'), []);
  const unmet = { ...agreement, meetsBottomLines: false };
  assert.deepEqual(
    agreementProblems(unmet, '2026-11-10').map((problem) => problem.field),
    ['unmetBottomLinesReason'],
  );
  assert.deepEqual(agreementProblems({ ...unmet, unmetBottomLinesReason: 'Nan’s home is calm' }, '2026-11-10'), []);
  // Not accepting such a plan needs no reason: the family goes back to private time.
  assert.deepEqual(agreementProblems({ ...unmet, planAccepted: false }, '2026-11-10'), []);
});

test('the agreement names who tells the child and a review date after the conference', () => {
  const fields = agreementProblems(
    { ...agreement, whoWillTellChild: '', reviewOn: '2026-11-01', whatWasAgreed: '' },
    '2026-11-10',
  ).map((problem) => problem.field);
  assert.deepEqual(fields, ['whatWasAgreed', 'whoWillTellChild', 'reviewOn']);
  assert.deepEqual(
    agreementProblems({ ...agreement, reviewOn: '' }, '2026-11-10').map((problem) => problem.message),
    ['Enter the date the family plan will be reviewed'],
  );
});

test('a coordinator is independent: never the allocated worker', () => {
  assert.equal(coordinatorProblem('sam', ['alex']), null);
  assert.match(coordinatorProblem('alex', ['alex'])!.message, /independent/);
});

test('what a conference is waiting for is said in plain words', () => {
  assert.deepEqual(whatIsWaiting('preparation', {}, []), [
    'The family’s agreement to the conference',
    'Choosing whom to invite with the family',
    'What professionals will share',
  ]);
  const invitees = [
    { circle: 'family', preparationVisitOn: '2026-10-10' },
    { circle: 'family', preparationVisitOn: null },
    { circle: 'professional', preparationVisitOn: null },
  ];
  assert.deepEqual(whatIsWaiting('information', { preparation, information }, invitees), [
    '1 preparation visit',
    'Private family time and the family’s plan',
  ]);
  assert.deepEqual(whatIsWaiting('agreed', { preparation, information, privateFamilyTime, agreement }, invitees), []);
});

test('bottom lines are one a line, bullets and blank lines dropped', () => {
  assert.deepEqual(bottomLinesFrom('- Calm nights\n\n• School every day \r\n'), ['Calm nights', 'School every day']);
});

test('offers, acceptances, refusals, conferences held, plans agreed and reviews are counted', () => {
  const counts = countFamilyMeetings(
    [{ response: 'accepted' }, { response: 'declined' }, { response: 'awaiting' }, { response: 'accepted' }],
    [
      { id: 'a', kind: 'family_group_conference', stage: 'agreed', reviewOfMeetingId: null, offerId: '1', planId: 'p' },
      {
        id: 'b',
        kind: 'family_group_conference',
        stage: 'preparation',
        reviewOfMeetingId: null,
        offerId: '4',
        planId: null,
      },
      {
        id: 'c',
        kind: 'family_group_conference',
        stage: 'information',
        reviewOfMeetingId: 'a',
        offerId: null,
        planId: null,
      },
      { id: 'd', kind: 'network_meeting', stage: null, reviewOfMeetingId: null, offerId: null, planId: null },
    ],
  );
  assert.deepEqual(counts, { offered: 4, accepted: 2, declined: 1, awaiting: 1, held: 1, planAgreed: 1, reviewed: 1 });
});

test('an invitation can be withdrawn only before the meeting, only once, and never for someone who came', () => {
  const meeting = { heldOn: '2027-03-10', stage: null };
  const invited = { name: 'Jo', attendance: 'invited', withdrawnAt: null };
  assert.equal(withdrawalProblem(invited, meeting, '2027-03-01'), null);
  assert.equal(withdrawalProblem(invited, meeting, '2027-03-10'), null, 'on the day, before it is recorded');
  assert.match(withdrawalProblem(invited, meeting, '2027-03-11')?.message ?? '', /has been held/);
  assert.match(
    withdrawalProblem({ ...invited, attendance: 'came' }, meeting, '2027-03-01')?.message ?? '',
    /Jo came to the meeting, so their invitation cannot be withdrawn/,
  );
  assert.match(
    withdrawalProblem({ ...invited, withdrawnAt: new Date('2027-03-02T10:00:00Z') }, meeting, '2027-03-03')?.message ??
      '',
    /already been withdrawn/,
  );
  // "Could not come" before the day is still an invitation that can be withdrawn.
  assert.equal(withdrawalProblem({ ...invited, attendance: 'could_not_come' }, meeting, '2027-03-01'), null);
});

test('a conference has been held once professionals have shared their information', () => {
  assert.equal(meetingHasBeenHeld({ heldOn: '2027-03-10', stage: 'preparation' }, '2027-03-01'), false);
  assert.equal(meetingHasBeenHeld({ heldOn: '2027-03-10', stage: 'information' }, '2027-03-01'), true);
  assert.equal(meetingHasBeenHeld({ heldOn: '2027-03-10', stage: null }, '2027-03-11'), true);
});

test('invitations withdrawn are left out of who is invited', () => {
  const invitees = [
    { id: 'a', withdrawnAt: null },
    { id: 'b', withdrawnAt: new Date() },
  ];
  assert.deepEqual(
    stillInvited(invitees).map((invitee) => invitee.id),
    ['a'],
  );
});

test('a meeting’s action links to the plan action it became, or offers to add it to someone who may change the plan', () => {
  const inPlan = { planId: 'p1', planActionId: 'pa1', planTitle: 'Mia’s plan' };
  assert.deepEqual(actionPlanState(inPlan, { familyView: false, mayChange: false }), { state: 'in_plan', ...inPlan });
  assert.deepEqual(actionPlanState(undefined, { familyView: false, mayChange: true }), { state: 'can_add' });
  assert.deepEqual(actionPlanState(undefined, { familyView: false, mayChange: false }), { state: 'not_shown' });
  assert.deepEqual(actionPlanState(inPlan, { familyView: true, mayChange: false }), { state: 'not_shown' });
});

test('the kind of meeting reads inside a sentence', () => {
  assert.equal(meetingNameInSentence('network_meeting'), 'network meeting');
  assert.equal(meetingNameInSentence('professionals_meeting'), 'professionals’ meeting');
  assert.equal(meetingNameInSentence('child_in_need_review'), 'child in need review');
});
