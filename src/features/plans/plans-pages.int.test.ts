import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testAppPerFile } from '../../../test/helpers/app.js';
import { formValuesIn } from '../../../test/helpers/forms.js';
import { withTenant } from '../../platform/db/tenancy.js';
import { versionsOf } from '../../platform/history/record-history.js';
import { sessionFor, startedPlan } from './plans-fixtures.js';

const kith = testAppPerFile();

test('a plan started from the mapping takes its safety goals as goals and its next steps as actions, keeping the link', async () => {
  const { council, worker, planUrl, plan } = await startedPlan(kith);
  const saved = (await plan())!;
  assert.equal(saved.fromMappingId, council.mapping!.mappingId);
  assert.equal(saved.goals.length, 1);
  assert.equal(saved.goals[0]!.fromSafetyGoalId, council.mapping!.safetyGoalId);
  assert.equal(saved.actions[0]!.fromNextStepId, council.mapping!.nextStepId);
  assert.equal(saved.actions[0]!.ownerPersonId, council.people.sarah);
  assert.equal(saved.actions[0]!.dueOn, '2026-12-01');
  const page = await worker.get(planUrl);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Robin gets to school every day with a grown-up they trust/);
  assert.match(page.body, /Sarah sets up a school run rota with Nan/);
  assert.match(page.body, /Started from a safety goal in the mapping/);

  // The goal can be linked to the worry it answers.
  const goalUrl = `${planUrl}/goals/${saved.goals[0]!.id}`;
  const linked = await worker.submit(goalUrl, { worryIds: [council.mapping!.worryId] });
  assert.equal(linked.statusCode, 303, linked.body.slice(0, 1500));
  assert.deepEqual((await plan())!.goals[0]!.worries, [
    { id: council.mapping!.worryId, statement: 'Robin missed school for three weeks' },
  ]);
  assert.match((await worker.get(planUrl)).body, /It answers these worries:[\s\S]*Robin missed school for three weeks/);
});

test('a child with no mapping gets an empty plan; an action with no owner or date is refused, nothing saved, text kept', async () => {
  const { worker, planUrl, plan } = await startedPlan(kith, { withMapping: false });
  assert.deepEqual((await plan())!.goals, []);
  const refused = await worker.submit(`${planUrl}/actions/new`, {
    whatWillHappen: 'Nan & Robin <walk> to school on Mondays',
    owner: '',
    'dueOn-day': '',
    'dueOn-month': '',
    'dueOn-year': '',
  });
  assert.equal(refused.statusCode, 400);
  assert.match(refused.body, /Select who will do this, or enter their name/);
  assert.match(refused.body, /Enter the date this will be done by/);
  assert.match(refused.body, /href="#owner"/);
  assert.match(refused.body, /href="#dueOn-day"/);
  assert.match(refused.body, /Nan &amp; Robin &lt;walk&gt; to school on Mondays/);
  const after = (await plan())!;
  assert.equal(after.version, 1);
  assert.deepEqual(after.actions, []);

  // "Someone else" needs their name.
  const noName = await worker.submit(`${planUrl}/actions/new`, {
    whatWillHappen: 'Ring the school',
    owner: 'someone-else',
    ownerName: '',
    'dueOn-day': '5',
    'dueOn-month': '12',
    'dueOn-year': '2026',
  });
  assert.equal(noName.statusCode, 400);
  assert.match(noName.body, /href="#ownerName"/);
});

test('after agreement a changed due date needs a reason; the family sees what changed and why, side by side', async () => {
  const { council, worker, planId, planUrl, plan } = await startedPlan(kith);
  const agreed = await worker.submit(`${planUrl}/agreed`, {
    'agreedOn-day': '3',
    'agreedOn-month': '11',
    'agreedOn-year': '2026',
    shareWithFamily: 'yes',
  });
  assert.equal(agreed.statusCode, 303, agreed.body.slice(0, 1500));
  const before = (await plan())!;
  assert.equal(before.status, 'agreed');
  const actionUrl = `${planUrl}/actions/${before.actions[0]!.id}`;

  const noReason = await worker.submit(actionUrl, { 'dueOn-day': '15', 'dueOn-month': '1', 'dueOn-year': '2027' });
  assert.equal(noReason.statusCode, 400);
  assert.match(noReason.body, /Enter why this is changing/);
  assert.match(noReason.body, /name="dueOn-day"[^>]*value="15"|value="15"[^>]*name="dueOn-day"/);
  assert.equal((await plan())!.version, before.version);

  // Marking it started needs no reason.
  const started = await worker.submit(actionUrl, { status: 'in_progress' });
  assert.equal(started.statusCode, 303, started.body.slice(0, 1500));

  const withReason = await worker.submit(actionUrl, {
    'dueOn-day': '15',
    'dueOn-month': '1',
    'dueOn-year': '2027',
    reason: 'Nan is in hospital until after Christmas',
  });
  assert.equal(withReason.statusCode, 303, withReason.body.slice(0, 1500));
  const saved = (await plan())!;
  assert.equal(saved.version, before.version + 2);
  assert.equal(saved.actions[0]!.dueOn, '2027-01-15');
  const versions = await withTenant(kith.database.orm, council.tenantId, (tx) =>
    versionsOf(tx, council.tenantId, 'plan', planId),
  );
  assert.equal(versions[0]!.reason, 'Nan is in hospital until after Christmas');

  const family = await sessionFor(kith.app, council.family.email);
  const familyPage = await family.get(`${planUrl}/family`);
  assert.equal(familyPage.statusCode, 200);
  assert.match(familyPage.body, /What has changed since we agreed this on 3 November 2026, and why/);
  assert.match(
    familyPage.body,
    /By when<\/th><td class="govuk-table__cell">1 December 2026<\/td><td class="govuk-table__cell">15 January 2027/,
  );
  assert.match(familyPage.body, /Nan is in hospital until after Christmas/);
  // The family does not see the author's staff label or the language score.
  assert.doesNotMatch(familyPage.body, /how easy is it to read/);
});

test('two people change the same action from the same version: one wins, the other sees both texts and keeps theirs', async () => {
  const { council, planUrl, plan } = await startedPlan(kith);
  const first = await sessionFor(kith.app, council.practitioner.email);
  const second = await sessionFor(kith.app, council.practitioner.email);
  const actionUrl = `${planUrl}/actions/${(await plan())!.actions[0]!.id}`;
  const firstForm = await first.formOn(actionUrl);
  const secondForm = await second.formOn(actionUrl);
  assert.equal(firstForm.expectedVersion, secondForm.expectedVersion);

  const wins = await first.post(actionUrl, { ...firstForm, whatWillHappen: 'Sarah and Nan share the school run' });
  assert.equal(wins.statusCode, 303);
  const loses = await second.post(actionUrl, {
    ...secondForm,
    whatWillHappen: 'Sarah asks the school about a breakfast club',
  });
  assert.equal(loses.statusCode, 409);
  assert.match(loses.body, /Someone else changed this plan/);
  assert.match(loses.body, /What they saved[\s\S]*Sarah and Nan share the school run/);
  assert.match(loses.body, /What you typed[\s\S]*Sarah asks the school about a breakfast club/);
  const kept = formValuesIn(loses.body, actionUrl);
  assert.equal(kept.whatWillHappen, 'Sarah asks the school about a breakfast club');
  assert.equal(Number(kept.expectedVersion), Number(secondForm.expectedVersion) + 1);
  assert.equal((await plan())!.actions[0]!.whatWillHappen, 'Sarah and Nan share the school run');

  // Having compared them, they save their merged text over the newer version.
  const merged = await second.post(actionUrl, {
    ...kept,
    whatWillHappen: 'Sarah and Nan share the school run; Sarah asks about a breakfast club',
  });
  assert.equal(merged.statusCode, 303);
  assert.match((await plan())!.actions[0]!.whatWillHappen, /breakfast club/);
});

test('reviews: one before the plan starts is refused with the text kept; scores show as progress per goal', async () => {
  const { worker, planUrl, plan } = await startedPlan(kith);
  const early = await worker.submit(`${planUrl}/reviews/new`, {
    'heldOn-day': '1',
    'heldOn-month': '10',
    'heldOn-year': '2026',
    whoCame: 'Sarah, Nan and Priya',
    whatHasBeenAchieved: 'Robin went to school every day',
  });
  assert.equal(early.statusCode, 400);
  assert.match(early.body, /The review must be on or after the day the plan started \(1 November 2026\)/);
  assert.match(early.body, /Robin went to school every day/);

  const badScore = await worker.submit(`${planUrl}/reviews/new`, {
    whoCame: 'Sarah',
    person0: 'Sarah',
    'score-0-0': '11',
  });
  assert.equal(badScore.statusCode, 400);
  assert.match(badScore.body, /Enter a whole number from 0 to 10 for Person 1’s score for goal 1/);

  for (const [day, sarah, priya] of [
    ['10', '4', '3'],
    ['30', '7', '6'],
  ] as const) {
    const review = await worker.submit(`${planUrl}/reviews/new`, {
      'heldOn-day': day,
      'heldOn-month': '11',
      'heldOn-year': '2026',
      whoCame: 'Sarah, Nan and Priya',
      person0: 'Sarah',
      person1: 'Priya',
      'score-0-0': sarah,
      'score-0-1': priya,
      whatHasBeenAchieved: day === '30' ? 'Robin went to school every day for two weeks' : '',
    });
    assert.equal(review.statusCode, 303, review.body.slice(0, 1500));
  }
  const page = await worker.get(planUrl);
  assert.match(page.body, /<svg[^>]+role="img"/);
  assert.match(
    page.body,
    /Average scores for “Robin gets to school every day with a grown-up they trust”: 3.5 out of 10 on 10 November 2026, 6.5 out of 10 on 30 November 2026/,
  );
  assert.match(page.body, /Sarah: 7, Priya: 6/);
  assert.match(page.body, /<strong>Robin went to school every day for two weeks<\/strong>/);
  assert.equal((await plan())!.version, 1, 'a review does not change the plan itself');
});
