import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testAppPerFile } from '../../../test/helpers/app.js';
import { withTenant } from '../../platform/db/tenancy.js';
import { searchAuditLog } from '../../platform/audit/audit-log.js';
import { meetings } from './schema.js';
import { createTestAccount, csrfTokenIn, signIn } from '../../../test/helpers/accounts.js';
import { createTestCouncil } from '../../../test/helpers/database.js';
import { familyForConference } from './meetings-fixtures.js';
import { agreement, api, meetingsApi } from './meetings-api-fixtures.js';

const kith = testAppPerFile();

const conferenceFamily = () => familyForConference(kith);
const { call, conferenceThroughAllStages } = meetingsApi(() => kith);

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
