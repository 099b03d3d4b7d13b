/**
 * A meeting's actions becoming actions of the child's plan: on the pages and in the API, once
 * only, with the meeting kept as the plan action's source, for those who may change the child's
 * plan and nobody else.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { testAppPerFile } from '../../../test/helpers/app.js';
import { createTestAccount, csrfTokenIn, signIn } from '../../../test/helpers/accounts.js';
import { createTestCouncil } from '../../../test/helpers/database.js';
import { formValuesIn } from '../../../test/helpers/forms.js';
import { searchAuditLog } from '../../platform/audit/audit-log.js';
import { withTenant } from '../../platform/db/tenancy.js';
import { versionsOf } from '../../platform/history/record-history.js';
import { plans } from '../plans/schema.js';
import { familyForConference, type Caller } from './meetings-fixtures.js';

const kith = testAppPerFile();

type Payload = Record<string, unknown>;
const api = (childId: string) => `/api/v1/children/${childId}`;
const call = (caller: Caller, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: Payload) =>
  kith.app.inject({ method, url, headers: caller.headers, ...(payload ? { payload } : {}) });
const page = (caller: Caller, url: string) => kith.app.inject({ url, headers: { cookie: caller.headers.cookie! } });
const post = (caller: Caller, url: string, payload: Record<string, string | string[]>) =>
  kith.app.inject({ method: 'POST', url, headers: { cookie: caller.headers.cookie! }, payload });

/** Opens a form, fills in what is given over what the page already holds, and posts it. */
async function submit(caller: Caller, url: string, answers: Record<string, string | string[]>) {
  const form = await page(caller, url);
  assert.equal(form.statusCode, 200, `${url}: ${form.body.slice(0, 300)}`);
  return post(caller, url, { ...formValuesIn(form.body), ...answers });
}

const date = (prefix: string, iso: string, parts = ['Day', 'Month', 'Year']) => {
  const [year, month, day] = iso.split('-');
  return { [`${prefix}-${parts[0]}`]: day!, [`${prefix}-${parts[1]}`]: month!, [`${prefix}-${parts[2]}`]: year! };
};

/** A plan for the child through the plans API, with the goals given; returns its id and goals' ids. */
async function startPlan(caller: Caller, childId: string, title: string, goals: string[]) {
  const started = await call(caller, 'POST', `${api(childId)}/plans`, {
    kind: 'child_in_need',
    title,
    startsOn: '2030-01-01',
    reviewBy: '2030-06-01',
  });
  assert.equal(started.statusCode, 201, started.body);
  const { planId } = started.json<{ planId: string }>();
  const changed = await call(caller, 'PUT', `${api(childId)}/plans/${planId}`, {
    expectedVersion: 1,
    title,
    startsOn: '2030-01-01',
    reviewBy: '2030-06-01',
    support: null,
    goals: goals.map((goalInFamilyWords) => ({ goalInFamilyWords })),
    actions: [],
  });
  assert.equal(changed.statusCode, 200, changed.body);
  const plan = (await call(caller, 'GET', `${api(childId)}/plans/${planId}`)).json<{
    version: number;
    content: { goals: { id: string; goalInFamilyWords: string }[] };
  }>();
  return { planId, version: plan.version, goalIds: plan.content.goals.map((goal) => goal.id) };
}

async function planRow(councilId: string, planId: string) {
  return withTenant(kith.database.orm, councilId, async (tx) => {
    const [row] = await tx
      .select()
      .from(plans)
      .where(and(eq(plans.tenantId, councilId), eq(plans.id, planId)));
    return row!;
  });
}

test('on the pages: an ordinary meeting’s action goes into the plan and goal chosen, once, with its source', async () => {
  const family = await familyForConference(kith);
  const { childId, practitioner, council } = family;
  const base = `/children/${childId}/meetings`;
  const planned = await submit(practitioner, `${base}/new`, {
    kind: 'child_in_need_review',
    place: 'Robin’s school',
    ...date('heldOn', '2030-02-03'),
  });
  assert.equal(planned.statusCode, 303, planned.body.slice(0, 500));
  const meeting = planned.headers.location as string;
  const meetingId = meeting.split('/').pop()!;
  const recorded = await submit(practitioner, `${meeting}/actions`, {
    whatWillHappen: 'Nan walks Robin to school on Mondays',
    ownerName: 'Pat Test',
    ...date('dueOn', '2030-02-10'),
  });
  assert.equal(recorded.statusCode, 303, /govuk-error-summary__list[\s\S]*?<\/ul>/.exec(recorded.body)?.[0]);

  const shown = await page(practitioner, meeting);
  const addHref = /href="([^"]+\/actions\/[0-9a-f-]{36}\/add-to-plan)"/.exec(shown.body)?.[1];
  assert.ok(addHref, 'the action offers to go into Robin’s plan');
  assert.match(shown.body, /Add to Robin’s plan/);

  // No plan yet: said plainly, with a way to start one, and nothing changes.
  const noPlan = await page(practitioner, addHref);
  assert.equal(noPlan.statusCode, 200);
  assert.match(noPlan.body, /Robin has no plan yet/);
  assert.match(noPlan.body, new RegExp(`href="/children/${childId}/plans/new"`));
  assert.doesNotMatch(noPlan.body, /<form method="post" action="[^"]*add-to-plan"/);
  const csrf = csrfTokenIn(shown.body);
  const refused = await post(practitioner, addHref, { _csrf: csrf, target: 'x/whole', ownerCircle: 'family' });
  assert.equal(refused.statusCode, 400);
  assert.match(refused.body, /Robin has no plan yet/);
  const none = (await call(practitioner, 'GET', `${api(childId)}/plans`)).json<{ plans: unknown[] }>();
  assert.equal(none.plans.length, 0);

  // Two plans: the page asks which plan and which goal; the owner, Nan, is found in Robin's world.
  const first = await startPlan(practitioner, childId, 'Robin’s plan', [
    'Robin sleeps somewhere calm every night',
    'Robin gets to school every day',
  ]);
  await startPlan(practitioner, childId, 'Robin’s early help plan', []);
  const agree = await submit(practitioner, `/children/${childId}/plans/${first.planId}/agreed`, {
    ...date('agreedOn', '2030-01-05', ['day', 'month', 'year']),
    shareWithFamily: 'yes',
  });
  assert.equal(agree.statusCode, 303, agree.body.slice(0, 500));

  const form = await page(practitioner, addHref);
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /Add an action to Robin’s plan/);
  assert.match(form.body, /Which plan does it go in, and which goal does it serve\?/);
  assert.match(form.body, /Robin gets to school every day/);
  assert.match(form.body, /The whole of “Robin’s early help plan”/);
  assert.match(form.body, /value="family" checked/, 'Pat Test is family in Robin’s world');
  assert.match(form.body, /Added from the child in need review on 3 February 2030/);
  assert.equal(formValuesIn(form.body).target, undefined, 'with two plans nothing is chosen for them');

  const unchosen = await post(practitioner, addHref, { ...formValuesIn(form.body) });
  assert.equal(unchosen.statusCode, 400);
  assert.match(unchosen.body, /There is a problem/);
  assert.match(unchosen.body, /href="#target">Choose which plan it goes in/);

  const target = `${first.planId}/${first.goalIds[1]}`;
  const added = await post(practitioner, addHref, { ...(formValuesIn(form.body) as Record<string, string>), target });
  assert.equal(added.statusCode, 303, added.body.slice(0, 800));
  assert.equal(added.headers.location, `${meeting}?notice=added-to-plan#actions`);

  const after = await page(practitioner, `${meeting}?notice=added-to-plan`);
  assert.match(after.body, /The action is now in Robin’s plan/);
  assert.match(after.body, /In the plan/);
  assert.doesNotMatch(after.body, /add-to-plan/);
  const row = await planRow(council.id, first.planId);
  const planAction = row.actions.find((action) => action.whatWillHappen === 'Nan walks Robin to school on Mondays');
  assert.ok(planAction);
  assert.equal(planAction.goalId, first.goalIds[1]);
  assert.equal(planAction.ownerName, 'Pat Test');
  assert.equal(planAction.ownerPersonId, family.nanId);
  assert.equal(planAction.ownerCircle, 'family');
  assert.equal(planAction.dueOn, '2030-02-10');
  assert.equal(planAction.fromMeeting?.meetingId, meetingId);
  assert.match(
    after.body,
    new RegExp(`href="/children/${childId}/plans/${first.planId}#action-${planAction.id}"`),
    'In the plan links to the plan action',
  );

  // The plan shows where the action came from, with the reason kept as a new version.
  const planPage = await page(practitioner, `/children/${childId}/plans/${first.planId}`);
  assert.match(planPage.body, new RegExp(`id="action-${planAction.id}"`));
  assert.match(
    planPage.body,
    new RegExp(`<a class="govuk-link" href="${meeting}">From the child in need review on 3 February 2030</a>`),
  );
  const versions = await withTenant(kith.database.orm, council.id, (tx) =>
    versionsOf(tx, council.id, 'plan', first.planId),
  );
  assert.match(versions[0]!.reason ?? '', /Added from the child in need review on 3 February 2030/);

  // The same form sent again (a double click) is answered as the first time, and changes nothing.
  const sentTwice = await post(practitioner, addHref, {
    ...(formValuesIn(form.body) as Record<string, string>),
    target,
  });
  assert.equal(sentTwice.statusCode, 303);
  assert.equal(sentTwice.headers.location, added.headers.location);
  // Asked again from a new page (a new submission), it changes nothing and says where it already is.
  const again = await post(practitioner, addHref, {
    ...(formValuesIn(form.body) as Record<string, string>),
    _submission: randomUUID(),
    target,
  });
  assert.equal(again.statusCode, 200);
  assert.match(again.body, /This action is already in Robin’s plan/);
  assert.match(again.body, /See the action in the plan/);
  const still = await planRow(council.id, first.planId);
  assert.equal(
    still.actions.filter((action) => action.fromMeeting?.actionId === planAction.fromMeeting!.actionId).length,
    1,
  );
  assert.equal(still.version, row.version);

  // Changing the plan action later keeps its source.
  const actionPage = `/children/${childId}/plans/${first.planId}/actions/${planAction.id}`;
  const done = await submit(practitioner, actionPage, { status: 'done' });
  assert.equal(done.statusCode, 303, done.body.slice(0, 500));
  const marked = (await planRow(council.id, first.planId)).actions.find((action) => action.id === planAction.id)!;
  assert.equal(marked.status, 'done');
  assert.deepEqual(marked.fromMeeting, planAction.fromMeeting);

  // Audited on the child's record: the meeting's side and the plan's.
  const { entries } = await withTenant(kith.database.orm, council.id, (tx) =>
    searchAuditLog(tx, council.id, { childPersonId: childId }),
  );
  assert.ok(entries.some((entry) => entry.action === 'meeting.action_to_plan' && entry.subjectId === meetingId));
  assert.ok(entries.some((entry) => entry.action === 'plan.change' && entry.subjectId === first.planId));
});

test('with one plan and one goal, the page still asks but has chosen them already', async () => {
  const family = await familyForConference(kith);
  const { childId, practitioner } = family;
  const planned = await call(practitioner, 'POST', `${api(childId)}/meetings`, {
    kind: 'network_meeting',
    heldOn: '2030-03-01',
    place: 'Nan’s house',
  });
  const { meetingId } = planned.json<{ meetingId: string }>();
  await call(practitioner, 'POST', `${api(childId)}/meetings/${meetingId}/actions`, {
    whatWillHappen: 'The school nurse sees Robin about sleep',
    ownerName: 'Alex Nurse',
    dueOn: '2030-03-15',
  });
  const { planId, goalIds } = await startPlan(practitioner, childId, 'Robin’s plan', ['Robin sleeps well']);
  const meeting = (await call(practitioner, 'GET', `${api(childId)}/meetings/${meetingId}`)).json<{
    actions: { id: string }[];
  }>();
  const addHref = `/children/${childId}/meetings/${meetingId}/actions/${meeting.actions[0]!.id}/add-to-plan`;
  const form = await page(practitioner, addHref);
  assert.match(form.body, /Which goal of “Robin’s plan” does it serve\?/);
  const values = formValuesIn(form.body) as Record<string, string>;
  assert.equal(values.target, `${planId}/${goalIds[0]}`);
  assert.equal(values.ownerCircle, undefined, 'Alex Nurse is not in Robin’s world: the page asks');
  const noCircle = await post(practitioner, addHref, values);
  assert.equal(noCircle.statusCode, 400);
  assert.match(noCircle.body, /href="#ownerCircle">Select whether they are family, network or a professional/);
  const added = await post(practitioner, addHref, { ...values, ownerCircle: 'professional' });
  assert.equal(added.statusCode, 303, added.body.slice(0, 500));
});

test('in the API: bad input, a stale plan, once only, and only for those who may change the child’s plan', async () => {
  const family = await familyForConference(kith);
  const { childId, practitioner, coordinator, reader, stranger, mum, council } = family;
  const planned = await call(practitioner, 'POST', `${api(childId)}/meetings`, {
    kind: 'professionals_meeting',
    heldOn: '2030-04-01',
    place: 'Town hall',
  });
  const { meetingId } = planned.json<{ meetingId: string }>();
  const meeting = `${api(childId)}/meetings/${meetingId}`;
  await call(practitioner, 'POST', `${meeting}/actions`, {
    whatWillHappen: 'Ask the GP about Robin’s sleep',
    ownerName: 'The social worker',
    dueOn: '2030-04-08',
  });
  const opened = (await call(practitioner, 'GET', meeting)).json<{
    actions: { id: string; inPlan: unknown }[];
  }>();
  const actionId = opened.actions[0]!.id;
  assert.equal(opened.actions[0]!.inPlan, null);
  const toPlan = `${meeting}/actions/${actionId}/plan`;

  const noPlan = await call(practitioner, 'POST', toPlan, {
    planId: '00000000-0000-4000-8000-000000000000',
    expectedVersion: 1,
    ownerCircle: 'professional',
  });
  assert.equal(noPlan.statusCode, 422);
  assert.match(noPlan.json<{ detail: string }>().detail, /no plan yet/);

  const { planId, version, goalIds } = await startPlan(practitioner, childId, 'Robin’s plan', ['Robin sleeps well']);
  const body = { planId, goalId: goalIds[0], expectedVersion: version, ownerCircle: 'professional' };

  // Those who may not change the plan: the record shared with a school (403, like every change
  // route for a reader), a practitioner with no relationship, the family (403), another council.
  assert.equal((await call(reader, 'POST', toPlan, body)).statusCode, 403);
  assert.equal((await call(mum, 'POST', toPlan, body)).statusCode, 403);
  assert.equal((await call(stranger, 'POST', toPlan, body)).statusCode, 404);
  const elsewhere = await createTestCouncil(kith.database, 'Another council');
  const outsider = await createTestAccount(kith.database, elsewhere.id, { roles: ['practitioner'] });
  const cookie = await signIn(kith.app, outsider.email);
  const account = await kith.app.inject({ url: '/account', headers: { cookie: `kith_session=${cookie}` } });
  const outsiderHeaders = { cookie: `kith_session=${cookie}`, 'x-csrf-token': csrfTokenIn(account.body) };
  assert.equal(
    (await kith.app.inject({ method: 'POST', url: toPlan, headers: outsiderHeaders, payload: body })).statusCode,
    404,
  );
  assert.equal(
    (await page(reader, `/children/${childId}/meetings/${meetingId}/actions/${actionId}/add-to-plan`)).statusCode,
    403,
  );
  assert.equal(
    (await page(stranger, `/children/${childId}/meetings/${meetingId}/actions/${actionId}/add-to-plan`)).statusCode,
    404,
  );

  // Bad input: each refused with the field named, and nothing changes.
  const missing = await call(practitioner, 'POST', toPlan, { planId });
  assert.equal(missing.statusCode, 400);
  assert.equal(missing.json<{ errors: { pointer: string }[] }>().errors[0]!.pointer, '/body/expectedVersion');
  const notAPlan = await call(practitioner, 'POST', toPlan, {
    ...body,
    planId: '00000000-0000-4000-8000-000000000000',
  });
  assert.equal(notAPlan.statusCode, 422);
  assert.equal(notAPlan.json<{ errors: { pointer: string }[] }>().errors[0]!.pointer, '/planId');
  const notAGoal = await call(practitioner, 'POST', toPlan, { ...body, goalId: 'not-a-goal' });
  assert.equal(notAGoal.statusCode, 422);
  assert.equal(notAGoal.json<{ errors: { pointer: string }[] }>().errors[0]!.pointer, '/goalId');
  const noCircle = await call(practitioner, 'POST', toPlan, { planId, goalId: null, expectedVersion: version });
  assert.equal(noCircle.statusCode, 422);
  assert.equal(noCircle.json<{ errors: { pointer: string }[] }>().errors[0]!.pointer, '/ownerCircle');
  const wrongCircle = await call(practitioner, 'POST', toPlan, { ...body, ownerCircle: 'neighbour' });
  assert.equal(wrongCircle.statusCode, 400);
  const stale = await call(practitioner, 'POST', toPlan, { ...body, expectedVersion: version - 1 });
  assert.equal(stale.statusCode, 409);
  assert.match(stale.json<{ detail: string }>().detail, /Someone changed “Robin’s plan”/);
  const unknownAction = await call(practitioner, 'POST', `${meeting}/actions/nope/plan`, body);
  assert.equal(unknownAction.statusCode, 404);
  assert.equal((await planRow(council.id, planId)).version, version, 'nothing was saved');

  // Added, by the coordinator (who may change the record too), then once only.
  const added = await call(coordinator, 'POST', toPlan, body);
  assert.equal(added.statusCode, 201, added.body);
  const first = added.json<{ planId: string; planActionId: string; alreadyInPlan: boolean }>();
  assert.deepEqual({ planId: first.planId, alreadyInPlan: first.alreadyInPlan }, { planId, alreadyInPlan: false });
  const again = await call(practitioner, 'POST', toPlan, body);
  assert.equal(again.statusCode, 200);
  assert.deepEqual(again.json(), { ...first, alreadyInPlan: true });
  const read = (await call(practitioner, 'GET', meeting)).json<{
    actions: { inPlan: { planId: string; planActionId: string; planTitle: string } | null }[];
  }>();
  assert.deepEqual(read.actions[0]!.inPlan, { planId, planActionId: first.planActionId, planTitle: 'Robin’s plan' });
  const plan = (await call(practitioner, 'GET', `${api(childId)}/plans/${planId}`)).json<{
    version: number;
    content: { actions: { id: string; fromMeeting: Payload | null; ownerName: string }[] };
  }>();
  assert.equal(plan.version, version + 1);
  assert.deepEqual(plan.content.actions[0]!.fromMeeting, {
    meetingId,
    actionId,
    meetingName: 'professionals’ meeting',
    heldOn: '2030-04-01',
  });
});
