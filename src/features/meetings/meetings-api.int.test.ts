import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../test/helpers/app.js';
import { withTenant } from '../../platform/db/tenancy.js';
import { searchAuditLog } from '../../platform/audit/audit-log.js';
import { versionsOf } from '../../platform/history/record-history.js';
import { plans } from '../plans/schema.js';
import { meetings } from './schema.js';
import { createTestAccount, csrfTokenIn, signIn } from '../../../test/helpers/accounts.js';
import { createTestCouncil } from '../../../test/helpers/database.js';
import { familyForConference, type Caller } from './meetings-fixtures.js';

let kith: TestApp;
before(async () => {
  kith = await buildTestApp();
});
after(() => kith.close());

const conferenceFamily = () => familyForConference(kith);

const api = (childId: string) => `/api/v1/children/${childId}`;
type Payload = Record<string, unknown>;
const call = (caller: Caller, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: Payload) =>
  kith.app.inject({ method, url, headers: caller.headers, ...(payload ? { payload } : {}) });

const preparation = {
  referredOn: '2026-10-01',
  whyReferred: 'Worries about arguments at home',
  familyAgreedOn: '2026-10-03',
  childPreparation: 'Robin wants to say his part first, then go to the park with his uncle',
  venue: 'Riverside Community Centre',
  food: 'Sandwiches and fruit',
  interpreter: '',
};
const information = {
  worries: 'Shouting late at night that frightens Robin',
  strengths: 'Nan sees Robin every day and he feels safe with her',
  bottomLines: ['Robin sleeps somewhere calm every night', 'Robin goes to school every day'],
  resources: 'Family support worker two afternoons a week',
  questionsAndAnswers: 'Nan asked who to call at night: the out of hours team',
};
const privateFamilyTime = {
  startedAt: '11:00',
  endedAt: '12:15',
  familyPlan: 'Robin stays with Nan on school nights until the arguments stop. Mum will go to the course.',
};
const agreement = {
  meetsBottomLines: 'yes',
  planAccepted: 'yes',
  whatWasAgreed: 'The family’s plan, as they brought it back',
  whoWillTellChild: 'Nan, after school',
  reviewOn: '2027-01-20',
  resourcesCommitted: 'Family support worker; a bus pass for Mum',
};

async function conferenceThroughAllStages(family: Awaited<ReturnType<typeof conferenceFamily>>, extra: Payload = {}) {
  const { childId, practitioner, coordinator } = family;
  const planned = await call(practitioner, 'POST', `${api(childId)}/meetings`, {
    kind: 'family_group_conference',
    heldOn: '2026-11-10',
    startsAt: '10:00',
    endsAt: '14:00',
    place: 'Riverside Community Centre',
    coordinatorUserId: coordinator.userId,
    ...extra,
  });
  assert.equal(planned.statusCode, 201, planned.body);
  const { meetingId } = planned.json<{ meetingId: string }>();
  const meeting = `${api(childId)}/meetings/${meetingId}`;
  const version = async () => (await call(coordinator, 'GET', meeting)).json<{ version: number }>().version;
  const stage = async (name: string, body: Payload) =>
    call(coordinator, 'PUT', `${meeting}/stages/${name}`, { version: await version(), ...body });
  assert.equal((await stage('preparation', preparation)).statusCode, 200);
  const invited = await call(coordinator, 'POST', `${meeting}/invitees`, { personId: family.mumId });
  assert.equal(invited.statusCode, 201, invited.body);
  assert.equal((await stage('information', information)).statusCode, 200);
  assert.equal((await stage('private-family-time', privateFamilyTime)).statusCode, 200);
  return { meetingId, meeting, stage, version };
}

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

test('a family member invited sees only the shared parts; one not invited, and a stranger, see nothing', async () => {
  const family = await conferenceFamily();
  const { childId, coordinator, mum, nan, stranger, council } = family;
  const { meeting, meetingId, version } = await conferenceThroughAllStages(family);
  const notes = await call(coordinator, 'PATCH', meeting, {
    version: await version(),
    professionalNotes: 'Private: the police check is still outstanding',
    whatWasShared: 'Everyone heard the worries and the strengths',
  });
  assert.equal(notes.statusCode, 204, notes.body);

  const asCoordinator = (await call(coordinator, 'GET', meeting)).json<{ professionalNotes: string | null }>();
  assert.match(asCoordinator.professionalNotes ?? '', /police check/);

  const asMum = await call(mum, 'GET', meeting);
  assert.equal(asMum.statusCode, 200);
  assert.equal(asMum.json<{ professionalNotes: string | null }>().professionalNotes, null);
  assert.doesNotMatch(asMum.body, /police check/);
  assert.match(asMum.body, /Everyone heard the worries/);
  const mumsList = (await call(mum, 'GET', `${api(childId)}/meetings`)).json<{
    meetings: unknown[];
    offers: unknown[];
  }>();
  assert.equal(mumsList.meetings.length, 1);
  assert.doesNotMatch(JSON.stringify(mumsList), /police check/);

  const asNan = await call(nan, 'GET', meeting);
  assert.equal(asNan.statusCode, 404);
  assert.equal((await call(nan, 'GET', `${api(childId)}/meetings`)).json<{ meetings: unknown[] }>().meetings.length, 0);
  const mumChanges = await call(mum, 'POST', `${meeting}/decisions`, { decision: 'x', reason: 'y' });
  assert.equal(mumChanges.statusCode, 403);

  assert.equal((await call(stranger, 'GET', meeting)).statusCode, 404);
  const { entries: audit } = await withTenant(kith.database.orm, council.id, (tx) =>
    searchAuditLog(tx, council.id, { childPersonId: childId }),
  );
  const denied = audit.filter((entry) => entry.outcome === 'denied').map((entry) => entry.action);
  assert.ok(denied.includes('meeting.view'), 'the refused reads are audited');
  assert.ok(
    audit.some(
      (entry) => entry.action === 'meeting.view' && entry.outcome === 'allowed' && entry.subjectId === meetingId,
    ),
  );
});

test('offers and outcomes are counted for the census, for managers only', async () => {
  const family = await conferenceFamily();
  const { childId, practitioner, manager } = family;
  const offers = `${api(childId)}/family-meeting-offers`;
  const offered = await call(practitioner, 'POST', offers, {
    offeredOn: '2026-09-01',
    beforeDecision: 'Going to court',
  });
  assert.equal(offered.statusCode, 201, offered.body);
  const offerId = offered.json<{ offerId: string }>().offerId;
  const accepted = await call(practitioner, 'PUT', `${offers}/${offerId}`, {
    response: 'accepted',
    respondedOn: '2026-09-04',
  });
  assert.equal(accepted.statusCode, 204, accepted.body);
  const second = (
    await call(practitioner, 'POST', offers, { offeredOn: '2026-09-20', beforeDecision: 'A change of home' })
  ).json<{
    offerId: string;
  }>().offerId;
  await call(practitioner, 'PUT', `${offers}/${second}`, {
    response: 'declined',
    respondedOn: '2026-09-22',
    familyReason: 'We already have a plan with Nan',
  });
  const { stage } = await conferenceThroughAllStages(family, { offerId });
  await stage('agreement', agreement);

  const counts = await call(manager, 'GET', '/api/v1/family-meetings/counts');
  assert.equal(counts.statusCode, 200, counts.body);
  const expected = {
    children: 1,
    offered: 2,
    accepted: 1,
    declined: 1,
    awaiting: 0,
    held: 1,
    planAgreed: 1,
    reviewed: 0,
  };
  assert.deepEqual(counts.json(), expected);
  assert.equal((await call(practitioner, 'GET', '/api/v1/family-meetings/counts')).statusCode, 403);
});

test('another council sees nothing of a meeting, through the API or the database', async () => {
  const family = await conferenceFamily();
  const { meeting } = await conferenceThroughAllStages(family);
  const elsewhere = await createTestCouncil(kith.database, 'Another council');
  const outsider = await createTestAccount(kith.database, elsewhere.id, { roles: ['practitioner'] });
  const cookie = await signIn(kith.app, outsider.email);
  const account = await kith.app.inject({ url: '/account', headers: { cookie: `kith_session=${cookie}` } });
  const headers = { cookie: `kith_session=${cookie}`, 'x-csrf-token': csrfTokenIn(account.body) };
  assert.equal((await kith.app.inject({ url: meeting, headers })).statusCode, 404);
  const write = await kith.app.inject({
    method: 'POST',
    url: `${meeting}/decisions`,
    headers,
    payload: { decision: 'x', reason: 'y' },
  });
  assert.equal(write.statusCode, 404);
  const seen = await withTenant(kith.database.orm, elsewhere.id, (tx) => tx.select().from(meetings));
  assert.equal(seen.length, 0, 'row-level security keeps each council’s meetings to itself');
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
