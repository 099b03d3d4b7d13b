import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testAppPerFile } from '../../../test/helpers/app.js';
import { seedDemo } from '../../demo/seed.js';
import { seedDemoMeetings } from '../../demo/demo-meetings.js';
import { DEMO_PASSWORD } from '../../demo/demo-accounts.js';
import { sessionFor } from '../plans/plans-fixtures.js';

const kith = testAppPerFile();

test('the demo family has a conference through all four stages, an agreed family plan and its review', async () => {
  await seedDemo(kith.database);
  assert.equal(await seedDemoMeetings(kith.database), false, 'seeding again adds nothing');
  const sam = await sessionFor(kith.app, 'sam.taylor@demo-borough.example', DEMO_PASSWORD);
  const list = await sam.api('GET', '/api/v1/conferences');
  const conferences = list.json<{ conferences: { meetingId: string; childId: string; stage: string }[] }>().conferences;
  assert.deepEqual(
    conferences.map((conference) => conference.stage),
    ['agreed', 'agreed'],
  );
  const miaId = conferences[0]!.childId;
  const meetings = await sam.api('GET', `/api/v1/children/${miaId}/meetings`);
  const all = meetings.json<{
    meetings: { kind: string; planId: string | null; reviewOfMeetingId: string | null }[];
  }>();
  assert.equal(all.meetings.length, 3);
  const [review] = all.meetings.filter((meeting) => meeting.reviewOfMeetingId !== null);
  const [first] = all.meetings.filter(
    (meeting) => meeting.kind === 'family_group_conference' && !meeting.reviewOfMeetingId,
  );
  assert.ok(review?.planId);
  assert.equal(review.planId, first!.planId, 'the review updated the plan the first conference agreed');

  const chronology = await sam.get(`/children/${miaId}/chronology`);
  assert.equal(chronology.statusCode, 200);
  assert.match(chronology.body, /Family group conference: family plan agreed/);

  const sarah = await sessionFor(kith.app, 'sarah.thompson@family.example', DEMO_PASSWORD);
  const page = await sarah.get(`/children/${miaId}/meetings`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Family group conference/);
  assert.doesNotMatch(page.body, /Network meeting/, 'Sarah sees only the meetings she is invited to');
});
