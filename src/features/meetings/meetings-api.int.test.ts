import assert from 'node:assert/strict';
import { test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { testAppPerFile } from '../../../test/helpers/app.js';
import { withTenant } from '../../platform/db/tenancy.js';
import { versionsOf } from '../../platform/history/record-history.js';
import { plans } from '../plans/schema.js';
import { familyForConference } from './meetings-fixtures.js';
import {
  agreement,
  api,
  information,
  meetingsApi,
  preparation,
  privateFamilyTime,
  type Payload,
} from './meetings-api-fixtures.js';

const kith = testAppPerFile();

const conferenceFamily = () => familyForConference(kith);
const { call, conferenceThroughAllStages } = meetingsApi(() => kith);

test('a family group conference runs through its four stages and its plan becomes the child’s plan', async () => {
  const family = await conferenceFamily();
  const { coordinator, council } = family;
  const { meetingId, meeting, stage } = await conferenceThroughAllStages(family);

  const action = await call(coordinator, 'POST', `${meeting}/actions`, {
    whatWillHappen: 'Mum books the parenting course',
    ownerName: 'Jo',
    dueOn: '2026-12-01',
    forThePlan: true,
  });
  assert.equal(action.statusCode, 204, action.body);

  const agreed = await stage('agreement', agreement);
  assert.equal(agreed.statusCode, 200, agreed.body);
  const { planId } = agreed.json<{ planId: string }>();
  assert.ok(planId);

  const opened = (await call(coordinator, 'GET', meeting)).json<{
    stage: string;
    planId: string;
    conference: Payload;
    actions: { id: string; inPlan: { planId: string } | null }[];
  }>();
  assert.equal(opened.stage, 'agreed');
  assert.equal(opened.planId, planId);
  assert.equal(opened.actions[0]!.inPlan?.planId, planId, 'the action for the plan is in it, its source kept');
  const plan = await withTenant(kith.database.orm, council.id, async (tx) => {
    const [row] = await tx
      .select()
      .from(plans)
      .where(and(eq(plans.tenantId, council.id), eq(plans.id, planId)));
    return row!;
  });
  assert.equal(plan.kind, 'family_plan');
  assert.equal(plan.status, 'agreed');
  assert.equal(plan.sourceMeetingId, meetingId);
  assert.equal(plan.sharedWithFamily, true);
  assert.equal(plan.reviewBy, '2027-01-20');
  assert.equal(plan.goals[0]!.goalInFamilyWords, privateFamilyTime.familyPlan);
  assert.deepEqual(
    plan.actions.map((planAction) => planAction.whatWillHappen),
    ['Mum books the parenting course'],
  );
  assert.deepEqual(plan.actions[0]!.fromMeeting, {
    meetingId,
    actionId: opened.actions[0]!.id,
    meetingName: 'family group conference',
    heldOn: '2026-11-10',
  });

  // Every change of the meeting is a version; nothing more is recorded once agreed.
  const versions = await withTenant(kith.database.orm, council.id, (tx) =>
    versionsOf(tx, council.id, 'meeting', meetingId),
  );
  assert.ok(versions.length >= 6);
  const late = await stage('information', information);
  assert.equal(late.statusCode, 422);
  assert.match(late.json<{ detail: string }>().detail, /Start a review/);

  // The review: a new conference whose agreement gives the same plan a new version.
  const review = await conferenceThroughAllStages(family, { reviewOfMeetingId: meetingId, heldOn: '2027-01-20' });
  const reviewed = await review.stage('agreement', {
    ...agreement,
    reviewOn: '2027-04-20',
    changesAndWhy: 'Robin goes home on Fridays now: the nights are calm',
  });
  assert.equal(reviewed.statusCode, 200, reviewed.body);
  assert.equal(reviewed.json<{ planId: string }>().planId, planId);
  const planVersions = await withTenant(kith.database.orm, council.id, (tx) =>
    versionsOf(tx, council.id, 'plan', planId),
  );
  assert.equal(planVersions.length, 2);
  assert.match(planVersions.find((version) => version.version === 2)!.reason ?? '', /review of the family plan/);

  // The coordinator's list shows both conferences, by stage.
  const list = await call(coordinator, 'GET', '/api/v1/conferences');
  assert.equal(list.statusCode, 200);
  const conferences = list.json<{ conferences: { meetingId: string; stage: string; childName: string }[] }>()
    .conferences;
  assert.deepEqual(
    conferences.map((conference) => conference.stage),
    ['agreed', 'agreed'],
  );
  assert.equal(conferences[0]!.childName, 'Robin Test');
  const notACoordinator = await call(family.practitioner, 'GET', '/api/v1/conferences');
  assert.equal(notACoordinator.statusCode, 403);
});

test('bad input is refused with the field named, and nothing is saved', async () => {
  const family = await conferenceFamily();
  const { childId, practitioner, coordinator } = family;
  const meetings = `${api(childId)}/meetings`;

  const noDate = await call(practitioner, 'POST', meetings, { kind: 'network_meeting', heldOn: '', place: 'Home' });
  assert.equal(noDate.statusCode, 422);
  assert.equal(noDate.json<{ errors: { pointer: string }[] }>().errors[0]!.pointer, '/heldOn');
  const noCoordinator = await call(practitioner, 'POST', meetings, {
    kind: 'family_group_conference',
    heldOn: '2026-11-10',
    place: 'Home',
  });
  assert.equal(noCoordinator.statusCode, 422);
  assert.match(noCoordinator.body, /coordinator/);
  const notIndependent = await call(practitioner, 'POST', meetings, {
    kind: 'family_group_conference',
    heldOn: '2026-11-10',
    place: 'Home',
    coordinatorUserId: practitioner.userId,
  });
  assert.equal(notIndependent.statusCode, 422);
  assert.equal((await call(practitioner, 'GET', meetings)).json<{ meetings: unknown[] }>().meetings.length, 0);

  const planned = await call(practitioner, 'POST', meetings, {
    kind: 'family_group_conference',
    heldOn: '2026-11-10',
    place: 'Riverside Community Centre',
    coordinatorUserId: coordinator.userId,
  });
  const meeting = `${meetings}/${planned.json<{ meetingId: string }>().meetingId}`;
  const early = await call(coordinator, 'PUT', `${meeting}/stages/agreement`, { version: 1, ...agreement });
  assert.equal(early.statusCode, 422);
  assert.match(early.json<{ detail: string }>().detail, /information stage before the agreement/);

  await call(coordinator, 'PUT', `${meeting}/stages/preparation`, { version: 1, ...preparation });
  await call(coordinator, 'POST', `${meeting}/invitees`, { personId: family.mumId });
  let version = (await call(coordinator, 'GET', meeting)).json<{ version: number }>().version;
  await call(coordinator, 'PUT', `${meeting}/stages/information`, { version, ...information });
  version = (await call(coordinator, 'GET', meeting)).json<{ version: number }>().version;
  await call(coordinator, 'PUT', `${meeting}/stages/private-family-time`, { version, ...privateFamilyTime });
  version = (await call(coordinator, 'GET', meeting)).json<{ version: number }>().version;

  const unmet = await call(coordinator, 'PUT', `${meeting}/stages/agreement`, {
    version,
    ...agreement,
    meetsBottomLines: 'no',
  });
  assert.equal(unmet.statusCode, 422);
  assert.equal(unmet.json<{ errors: { pointer: string }[] }>().errors[0]!.pointer, '/unmetBottomLinesReason');
  const still = (await call(coordinator, 'GET', meeting)).json<{
    stage: string;
    planId: string | null;
    version: number;
  }>();
  assert.equal(still.stage, 'private_family_time');
  assert.equal(still.planId, null);
  assert.equal(still.version, version);

  const stale = await call(coordinator, 'PATCH', meeting, { version: version - 1, whatWasShared: 'Old' });
  assert.equal(stale.statusCode, 409);

  const declined = await call(practitioner, 'POST', `${api(childId)}/family-meeting-offers`, {
    offeredOn: '2026-09-01',
    beforeDecision: 'Going to court',
  });
  const offerId = declined.json<{ offerId: string }>().offerId;
  const noReason = await call(practitioner, 'PUT', `${api(childId)}/family-meeting-offers/${offerId}`, {
    response: 'declined',
    respondedOn: '2026-09-05',
  });
  assert.equal(noReason.statusCode, 422);
  assert.equal(noReason.json<{ errors: { pointer: string }[] }>().errors[0]!.pointer, '/familyReason');
});

test('each stage has its own body: its fields are documented, and a field of another stage is refused by name', async () => {
  const document = (await kith.app.inject({ url: '/api/docs/json' })).json<{
    paths: Record<string, { put?: { requestBody: { content: { 'application/json': { schema: { $ref: string } } } } } }>;
    components: {
      schemas: Record<
        string,
        { properties: Record<string, unknown>; required?: string[]; additionalProperties?: boolean }
      >;
    };
  }>();
  const bodyOf = (slug: string) => {
    const operation = document.paths[`/api/v1/children/{childId}/meetings/{meetingId}/stages/${slug}`]?.put;
    assert.ok(operation, `PUT .../stages/${slug} is documented`);
    const reference = operation.requestBody.content['application/json'].schema.$ref;
    return document.components.schemas[reference.split('/').pop()!]!;
  };
  const preparationBody = bodyOf('preparation');
  assert.deepEqual(Object.keys(preparationBody.properties), [
    'version',
    'referredOn',
    'whyReferred',
    'familyAgreedOn',
    'childPreparation',
    'advocate',
    'language',
    'interpreter',
    'accessNeeds',
    'venue',
    'food',
    'childcare',
  ]);
  assert.equal(preparationBody.additionalProperties, false);
  assert.ok(preparationBody.required?.includes('whyReferred'));
  assert.ok(bodyOf('information').properties.bottomLines);
  assert.deepEqual(Object.keys(bodyOf('private-family-time').properties), [
    'version',
    'startedAt',
    'endedAt',
    'familyPlan',
  ]);
  assert.ok(bodyOf('agreement').properties.meetsBottomLines);
  assert.equal(document.paths['/api/v1/children/{childId}/meetings/{meetingId}/stages/{stage}'], undefined);

  const family = await conferenceFamily();
  const { childId, practitioner, coordinator } = family;
  const planned = await call(practitioner, 'POST', `${api(childId)}/meetings`, {
    kind: 'family_group_conference',
    heldOn: '2026-11-10',
    place: 'Riverside Community Centre',
    coordinatorUserId: coordinator.userId,
  });
  const meeting = `${api(childId)}/meetings/${planned.json<{ meetingId: string }>().meetingId}`;
  const wrong = await call(coordinator, 'PUT', `${meeting}/stages/preparation`, {
    version: 1,
    ...preparation,
    familyPlan: 'Robin stays with Nan',
  });
  assert.equal(wrong.statusCode, 400);
  assert.match(wrong.headers['content-type'] as string, /application\/problem\+json/);
  const problem = wrong.json<{ title: string; errors: { pointer: string; detail: string }[] }>();
  assert.equal(problem.title, 'Bad request');
  assert.deepEqual(
    problem.errors.map((error) => error.pointer),
    ['/body/familyPlan'],
  );
  assert.match(
    problem.errors[0]!.detail,
    /^The preparation stage has no field familyPlan\. Its fields are: version, referredOn/,
  );
  const missing = await call(coordinator, 'PUT', `${meeting}/stages/preparation`, {
    version: 1,
    referredOn: '2026-10-01',
  });
  assert.equal(missing.statusCode, 400);
  assert.ok(
    missing
      .json<{ errors: { pointer: string; detail: string }[] }>()
      .errors.some(
        (error) => error.pointer === '/body/whyReferred' && /Enter why the family was referred/.test(error.detail),
      ),
    'a missing field says what to enter, as the page does',
  );
  assert.equal((await call(coordinator, 'GET', meeting)).json<{ version: number }>().version, 1, 'nothing was saved');
  const right = await call(coordinator, 'PUT', `${meeting}/stages/preparation`, { version: 1, ...preparation });
  assert.equal(right.statusCode, 200, right.body);
});
