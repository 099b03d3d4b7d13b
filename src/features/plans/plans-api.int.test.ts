import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testAppPerFile } from '../../../test/helpers/app.js';
import { createCouncilWithChild } from '../../../test/helpers/accounts.js';
import { createPlanningCouncil, planBodyFrom, sessionFor, type PlanJson } from './plans-fixtures.js';

const kith = testAppPerFile();

const bodyFrom = (plan: PlanJson, expectedVersion: number, reason = '') => planBodyFrom(plan, expectedVersion, reason);

async function apiPlan() {
  const council = await createPlanningCouncil(kith.database);
  const worker = await sessionFor(kith.app, council.practitioner.email);
  const started = await worker.api('POST', `/api/v1/children/${council.childId}/plans`, {
    kind: 'child_protection',
    title: 'Robin’s safety plan',
    startsOn: '2026-11-01',
    reviewBy: '2027-01-15',
    fromMapping: true,
  });
  assert.equal(started.statusCode, 201, started.body);
  const { planId } = started.json<{ planId: string }>();
  const url = `/api/v1/children/${council.childId}/plans/${planId}`;
  const read = async () => (await worker.api('GET', url)).json<PlanJson>();
  return { council, worker, planId, url, read };
}

test('API: two changes from the same version: the first wins, the second gets 409 with the newer plan', async () => {
  const { worker, url, read } = await apiPlan();
  const plan = await read();
  assert.equal(plan.version, 1);
  assert.equal(plan.content.goals.length, 1);
  const mine = bodyFrom(plan, 1);
  mine.goals[0]!.goalInFamilyWords = 'Robin is at school every day, on time';
  const theirs = bodyFrom(plan, 1);
  theirs.goals[0]!.goalInFamilyWords = 'Robin gets to school with Nan or Mum';

  const first = await worker.api('PUT', url, mine);
  assert.equal(first.statusCode, 200, first.body);
  assert.deepEqual(first.json(), { version: 2 });
  const second = await worker.api('PUT', url, theirs);
  assert.equal(second.statusCode, 409);
  assert.match(String(second.headers['content-type']), /application\/problem\+json/);
  const conflict = second.json<{ currentVersion: number; current: PlanJson['content'] }>();
  assert.equal(conflict.currentVersion, 2);
  assert.equal(conflict.current.goals[0]!.goalInFamilyWords, 'Robin is at school every day, on time');
  assert.equal((await read()).content.goals[0]!.goalInFamilyWords, 'Robin is at school every day, on time');
});

test('API: after agreement, moving a due date without a reason is 422 and nothing is saved', async () => {
  const { council, worker, url, read } = await apiPlan();
  const planUrl = url.replace('/api/v1', '');
  const agreed = await worker.submit(`${planUrl}/agreed`, {});
  assert.equal(agreed.statusCode, 303, agreed.body.slice(0, 800));
  const plan = await read();
  const moved = bodyFrom(plan, plan.version);
  moved.actions[0]!.dueOn = '2027-02-01';
  const refused = await worker.api('PUT', url, moved);
  assert.equal(refused.statusCode, 422);
  assert.match(refused.json<{ detail: string }>().detail, /Enter why this is changing/);
  assert.equal((await read()).content.actions[0]!.dueOn, '2026-12-01');
  const saved = await worker.api('PUT', url, { ...moved, reason: 'The school asked for more time' });
  assert.equal(saved.statusCode, 200, saved.body);
  const list = await worker.api('GET', `/api/v1/children/${council.childId}/plans`);
  assert.equal(list.json<{ plans: { status: string }[] }>().plans[0]!.status, 'agreed');
});

test('API: bad input names the field; other councils and read-only partners are refused', async () => {
  const { council, worker, url, read } = await apiPlan();
  const plan = await read();
  const noOwner = bodyFrom(plan, plan.version);
  noOwner.actions[0]!.ownerName = ' ';
  const refused = await worker.api('PUT', url, noOwner);
  assert.equal(refused.statusCode, 422);
  assert.deepEqual(refused.json<{ errors: { pointer: string }[] }>().errors[0]!.pointer, '/actions/0');

  const elsewhere = await createCouncilWithChild(kith.database);
  const outsider = await sessionFor(kith.app, elsewhere.practitioner.email);
  assert.equal((await outsider.api('GET', url)).statusCode, 404);
  assert.equal((await outsider.api('GET', `/api/v1/children/${council.childId}/plans`)).statusCode, 404);
  const partner = await sessionFor(kith.app, council.partner.email);
  assert.equal((await partner.api('GET', url)).statusCode, 200);
  assert.equal((await partner.api('PUT', url, bodyFrom(plan, plan.version))).statusCode, 403);
});

test('the plans API is in the OpenAPI document', async () => {
  const document = await kith.app.inject({ url: '/api/docs/json' });
  const paths = document.json<{ paths: Record<string, Record<string, unknown>> }>().paths;
  assert.ok(paths['/api/v1/children/{childId}/plans']?.post);
  assert.ok(paths['/api/v1/children/{childId}/plans/{planId}']?.put);
});

test('API: an action’s owner must be in the child’s network; a new goal can be named by the caller’s own id', async () => {
  const { council, worker, url, read } = await apiPlan();
  const plan = await read();
  const body = bodyFrom(plan, plan.version);
  body.goals.push({
    id: 'my-new-goal',
    goalInFamilyWords: 'Bedtimes are calm',
    professionalWording: null,
    worryIds: [],
  });
  body.actions.push({
    id: undefined as unknown as string,
    whatWillHappen: 'Bath, story, bed by half past seven',
    goalId: 'my-new-goal',
    ownerPersonId: council.people.nan,
    ownerName: 'Jean Test',
    ownerCircle: 'family',
    dueOn: '2026-12-20',
    status: 'not_started',
  });
  const saved = await worker.api('PUT', url, body);
  assert.equal(saved.statusCode, 200, saved.body);
  const after = await read();
  const newGoal = after.content.goals.find((goal) => goal.goalInFamilyWords === 'Bedtimes are calm')!;
  assert.notEqual(newGoal.id, 'my-new-goal', 'the server gives the id');
  assert.equal(after.content.actions.at(-1)!.goalId, newGoal.id);

  const stranger = bodyFrom(after, after.version);
  stranger.actions[0]!.ownerPersonId = council.childId;
  const refused = await worker.api('PUT', url, stranger);
  assert.equal(refused.statusCode, 422);
  assert.equal(refused.json<{ errors: { pointer: string }[] }>().errors[0]!.pointer, '/actions/0/ownerPersonId');
});
