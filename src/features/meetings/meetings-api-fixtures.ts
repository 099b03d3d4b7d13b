/** Calling the meetings API as someone around a family group conference, and a conference run through its stages. */
import assert from 'node:assert/strict';
import type { TestApp } from '../../../test/helpers/app.js';
import type { Caller, familyForConference } from './meetings-fixtures.js';

export const api = (childId: string) => `/api/v1/children/${childId}`;
export type Payload = Record<string, unknown>;

export const preparation = {
  referredOn: '2026-10-01',
  whyReferred: 'Worries about arguments at home',
  familyAgreedOn: '2026-10-03',
  childPreparation: 'Robin wants to say his part first, then go to the park with his uncle',
  venue: 'Riverside Community Centre',
  food: 'Sandwiches and fruit',
  interpreter: '',
};
export const information = {
  worries: 'Shouting late at night that frightens Robin',
  strengths: 'Nan sees Robin every day and he feels safe with her',
  bottomLines: ['Robin sleeps somewhere calm every night', 'Robin goes to school every day'],
  resources: 'Family support worker two afternoons a week',
  questionsAndAnswers: 'Nan asked who to call at night: the out of hours team',
};
export const privateFamilyTime = {
  startedAt: '11:00',
  endedAt: '12:15',
  familyPlan: 'Robin stays with Nan on school nights until the arguments stop. Mum will go to the course.',
};
export const agreement = {
  meetsBottomLines: 'yes',
  planAccepted: 'yes',
  whatWasAgreed: 'The family’s plan, as they brought it back',
  whoWillTellChild: 'Nan, after school',
  reviewOn: '2027-01-20',
  resourcesCommitted: 'Family support worker; a bus pass for Mum',
};

/** The API, called as someone; `app` gives the test's application once it is built. */
export function meetingsApi(app: () => TestApp) {
  const call = (caller: Caller, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: Payload) =>
    app().app.inject({ method, url, headers: caller.headers, ...(payload ? { payload } : {}) });

  async function conferenceThroughAllStages(
    family: Awaited<ReturnType<typeof familyForConference>>,
    extra: Payload = {},
  ) {
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

  return { call, conferenceThroughAllStages };
}
