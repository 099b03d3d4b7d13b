/** Plans through their pages: the family's and the child's versions, who may see and change a plan, and its audit trail. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testAppPerFile } from '../../../test/helpers/app.js';
import { createCouncilWithChild, signIn } from '../../../test/helpers/accounts.js';
import { formValuesIn } from '../../../test/helpers/forms.js';
import { withTenant } from '../../platform/db/tenancy.js';
import { searchAuditLog } from '../../platform/audit/audit-log.js';
import { sessionFor, startedPlan } from './plans-fixtures.js';

const kith = testAppPerFile();

test('family version: the worker sees the reading age first; the PDF and the child’s version', async () => {
  const { worker, planUrl } = await startedPlan(kith);
  const page = await worker.get(`${planUrl}/family`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Reading age: <strong>\d/);
  assert.match(page.body, /The family cannot see this yet/);
  const pdf = await worker.get(`${planUrl}/family.pdf`);
  assert.equal(pdf.statusCode, 200);
  assert.equal(pdf.headers['content-type'], 'application/pdf');
  assert.equal(pdf.rawPayload.subarray(0, 4).toString('latin1'), '%PDF');
  const child = await worker.get(`${planUrl}/for-child`);
  assert.equal(child.statusCode, 200);
  assert.match(child.body, /This is your plan, Robin/);
  assert.match(child.body, /role="img" aria-label="A house"/);
});

test('a family member reads only the family version, once shared, and records their own view in their words', async () => {
  const { council, worker, planUrl, planId } = await startedPlan(kith);
  const family = await sessionFor(kith.app, council.family.email);
  assert.equal((await family.get(`${planUrl}/family`)).statusCode, 404, 'not shared yet');
  assert.equal((await family.get(`${planUrl}/family.pdf`)).statusCode, 404);
  const listBefore = await family.get(`/children/${council.childId}/plans`);
  assert.equal(listBefore.statusCode, 200);
  assert.doesNotMatch(listBefore.body, /\/plans\/[0-9a-f-]{36}/, 'no plan listed before it is shared');
  await worker.submit(`${planUrl}/agreed`, { shareWithFamily: 'yes' });

  assert.equal((await family.get(`${planUrl}/family`)).statusCode, 200);
  assert.match((await family.get(`/children/${council.childId}/plans`)).body, /\/plans\/[0-9a-f-]{36}\/family/);
  const staffPage = await family.get(planUrl);
  assert.equal(staffPage.statusCode, 303);
  assert.equal(staffPage.headers.location, `${planUrl}/family`);
  assert.equal((await family.api('GET', `/api/v1/children/${council.childId}/plans/${planId}`)).statusCode, 404);
  assert.equal((await family.get(`${planUrl}/goals/new`)).statusCode, 403);

  const noWords = await family.submit(`${planUrl}/agreement`, { response: 'do_not_agree' });
  assert.equal(noWords.statusCode, 400);
  assert.match(noWords.body, /Enter what they said about the plan, in their words/);
  const recorded = await family.submit(`${planUrl}/agreement`, {
    response: 'agree_with_comments',
    inTheirWords: 'I agree but Nan can only do Mondays',
  });
  assert.equal(recorded.statusCode, 303);
  assert.match(
    (await worker.get(planUrl)).body,
    /Test family_member<\/strong>: Agrees, with comments[\s\S]*Nan can only do Mondays/,
  );
});

test('staff record a family member’s view, picked from the family', async () => {
  const { council, worker, planUrl } = await startedPlan(kith);
  const refused = await worker.submit(`${planUrl}/agreement`, { personId: council.people.coach, response: 'agree' });
  assert.equal(refused.statusCode, 400, 'the coach is not family');
  const recorded = await worker.submit(`${planUrl}/agreement`, { personId: council.people.nan, response: 'agree' });
  assert.equal(recorded.statusCode, 303);
  assert.match((await worker.get(planUrl)).body, /Jean Test<\/strong>: Agrees with the plan/);
});

test('refused: another council, a worker with no relationship, and a partner agency worker trying to change', async () => {
  const { council, planUrl, plan } = await startedPlan(kith);
  const elsewhere = await createCouncilWithChild(kith.database);
  const outsider = await sessionFor(kith.app, elsewhere.practitioner.email);
  assert.equal((await outsider.get(planUrl)).statusCode, 404);
  assert.equal((await outsider.get(`${planUrl}/family.pdf`)).statusCode, 404);

  const unrelated = await sessionFor(kith.app, council.unrelated.email);
  assert.equal((await unrelated.get(planUrl)).statusCode, 404);
  assert.equal((await unrelated.get(`/children/${council.childId}/plans`)).statusCode, 404);

  const partner = await sessionFor(kith.app, council.partner.email);
  assert.equal((await partner.get(planUrl)).statusCode, 200, 'a partner agency may read a plan shared with it');
  const tokenCookie = await signIn(kith.app, council.partner.email);
  const accessibility = await kith.app.inject({
    url: '/accessibility',
    headers: { cookie: `kith_session=${tokenCookie}` },
  });
  const token = /name="_csrf" value="([^"]+)"/.exec(accessibility.body)![1]!;
  const tried = await kith.app.inject({
    method: 'POST',
    url: `${planUrl}/goals/new`,
    headers: { cookie: `kith_session=${tokenCookie}` },
    payload: { _csrf: token, goalInFamilyWords: 'A goal from school', expectedVersion: '1' },
  });
  assert.equal(tried.statusCode, 403);
  assert.equal((await plan())!.goals.length, 1, 'nothing saved');
});

test('a draft can be shared so the family can say what they think before it is agreed', async () => {
  const { council, worker, planUrl, plan } = await startedPlan(kith);
  const family = await sessionFor(kith.app, council.family.email);
  assert.equal((await family.get(`${planUrl}/family`)).statusCode, 404);
  const page = await worker.get(planUrl);
  assert.match(page.body, /Share the family version with the family/);
  const shared = await worker.post(`${planUrl}/share`, formValuesIn(page.body, `${planUrl}/share`));
  assert.equal(shared.statusCode, 303);
  assert.equal((await plan())!.status, 'draft');
  assert.equal((await family.get(`${planUrl}/family`)).statusCode, 200);
  assert.doesNotMatch((await worker.get(planUrl)).body, /Share the family version with the family/);
});

test('the plan’s details: after agreement the support needs a reason, a new review date does not; a stale save shows both', async () => {
  const { worker, planUrl, plan } = await startedPlan(kith);
  await worker.submit(`${planUrl}/agreed`, {});
  const detailsUrl = `${planUrl}/details`;
  const noReason = await worker.submit(detailsUrl, { support: 'Chloe visits on Tuesdays and Thursdays' });
  assert.equal(noReason.statusCode, 400);
  assert.match(noReason.body, /Enter why this is changing/);
  assert.match(noReason.body, /Chloe visits on Tuesdays and Thursdays/);
  const reviewDate = await worker.submit(detailsUrl, {
    'reviewBy-day': '8',
    'reviewBy-month': '2',
    'reviewBy-year': '2027',
  });
  assert.equal(reviewDate.statusCode, 303, reviewDate.body.slice(0, 1500));
  assert.equal((await plan())!.reviewBy, '2027-02-08');

  const stale = await worker.formOn(detailsUrl);
  const first = await worker.submit(detailsUrl, { title: 'Robin’s school plan', reason: 'Robin chose the name' });
  assert.equal(first.statusCode, 303);
  const second = await worker.post(detailsUrl, { ...stale, title: 'Robin and Nan’s plan', reason: 'Nan asked' });
  assert.equal(second.statusCode, 409);
  assert.match(second.body, /What they saved[\s\S]*Robin’s school plan/);
  assert.match(second.body, /What you typed[\s\S]*Robin and Nan’s plan/);
  assert.equal(formValuesIn(second.body, detailsUrl).title, 'Robin and Nan’s plan');
  assert.equal((await plan())!.title, 'Robin’s school plan');
});

test('taking a goal out of an agreed plan needs a reason; the family sees it taken out', async () => {
  const { council, worker, planUrl, plan } = await startedPlan(kith);
  await worker.submit(`${planUrl}/agreed`, { shareWithFamily: 'yes' });
  const goalUrl = `${planUrl}/goals/${(await plan())!.goals[0]!.id}`;
  const noReason = await worker.submit(goalUrl, { takeOut: 'yes', goalInFamilyWords: '' });
  assert.equal(noReason.statusCode, 400);
  assert.match(noReason.body, /Enter why this is changing/);
  assert.equal((await plan())!.goals.length, 1);
  const takenOut = await worker.submit(goalUrl, { takeOut: 'yes', reason: 'Robin now goes to school every day' });
  assert.equal(takenOut.statusCode, 303, takenOut.body.slice(0, 1500));
  const after = (await plan())!;
  assert.deepEqual(after.goals, []);
  assert.equal(after.actions[0]!.goalId, null);
  const family = await sessionFor(kith.app, council.family.email);
  const page = await family.get(`${planUrl}/family`);
  assert.match(page.body, /Taken out: Robin gets to school every day with a grown-up they trust/);
  assert.match(page.body, /Robin now goes to school every day/);
});

test('every read and change of a plan is audited, allowed or refused, with the reason for a change', async () => {
  const { council, worker, planUrl, plan } = await startedPlan(kith);
  const family = await sessionFor(kith.app, council.family.email);
  await worker.get(planUrl);
  assert.equal((await family.get(`${planUrl}/family`)).statusCode, 404);
  await worker.submit(`${planUrl}/agreed`, {});
  await worker.submit(`${planUrl}/actions/${(await plan())!.actions[0]!.id}`, {
    'dueOn-day': '9',
    'dueOn-month': '12',
    'dueOn-year': '2026',
    reason: 'The school asked for another week',
  });
  const log = async (action: string, outcome: 'allowed' | 'denied') =>
    (
      await withTenant(kith.database.orm, council.tenantId, (tx) =>
        searchAuditLog(tx, council.tenantId, { action, outcome, childPersonId: council.childId }),
      )
    ).entries;
  assert.ok((await log('plan.start', 'allowed')).length === 1);
  assert.ok((await log('plan.view', 'allowed')).length >= 1);
  assert.equal((await log('plan.family_version', 'denied')).length, 1);
  assert.equal((await log('plan.agree', 'allowed')).length, 1);
  const [changed] = await log('plan.change', 'allowed');
  assert.equal(changed!.reason, 'The school asked for another week');
  assert.equal(changed!.details.what, 'action_changed');
});
