import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testAppPerFile } from '../../../test/helpers/app.js';
import { createCouncilWithChild, csrfTokenIn, signIn } from '../../../test/helpers/accounts.js';
import { withTenant } from '../../platform/db/tenancy.js';
import { searchAuditLog } from '../../platform/audit/audit-log.js';

const kith = testAppPerFile();

interface Caller {
  headers: Record<string, string>;
}
async function practitionerOf(setup: Awaited<ReturnType<typeof createCouncilWithChild>>): Promise<Caller> {
  const cookie = await signIn(kith.app, setup.practitioner.email);
  const page = await kith.app.inject({ url: '/account', headers: { cookie: `kith_session=${cookie}` } });
  return { headers: { cookie: `kith_session=${cookie}`, 'x-csrf-token': csrfTokenIn(page.body) } };
}

const tie = {
  type: 'grandmother',
  closeness: 'strong',
  quality: 'supportive',
  supportFlows: 'from_first',
  lovesTheChild: true,
  childLovesThem: true,
  lifelongConnection: true,
  safetyNetworkRole: 'Tea every Wednesday',
  startedOn: null,
  endedOn: null,
  notes: null,
};

async function addPerson(caller: Caller, childId: string, fullName: string, extra: Record<string, unknown> = {}) {
  return kith.app.inject({
    method: 'POST',
    url: `/api/v1/children/${childId}/network/people`,
    headers: caller.headers,
    payload: {
      person: { fullName, gender: 'female', dateOfBirth: '1960-05-01' },
      circle: 'family',
      relationshipToChild: tie,
      ...extra,
    },
  });
}

test('a practitioner builds a network through the API; one call returns the whole graph, and it is audited', async () => {
  const setup = await createCouncilWithChild(kith.database);
  const caller = await practitionerOf(setup);
  const nan = await addPerson(caller, setup.childId, 'Jean Test');
  assert.equal(nan.statusCode, 201, nan.body);
  const mum = await addPerson(caller, setup.childId, 'Sarah Test', {
    relationshipToChild: { ...tie, type: 'mother', safetyNetworkRole: null },
  });
  assert.equal(mum.statusCode, 201);
  const between = await kith.app.inject({
    method: 'POST',
    url: `/api/v1/children/${setup.childId}/network/relationships`,
    headers: caller.headers,
    payload: {
      ...tie,
      type: 'mother',
      fromPersonId: nan.json<{ personId: string }>().personId,
      toPersonId: mum.json<{ personId: string }>().personId,
    },
  });
  assert.equal(between.statusCode, 201, between.body);

  const graph = await kith.app.inject({ url: `/api/v1/children/${setup.childId}/network`, headers: caller.headers });
  assert.equal(graph.statusCode, 200);
  const network = graph.json<{ people: { fullName: string; circle: string | null }[]; relationships: unknown[] }>();
  assert.deepEqual(
    network.people.map((person) => person.fullName),
    ['Robin Test', 'Jean Test', 'Sarah Test'],
  );
  assert.equal(network.people[0]?.circle, null, 'the child is at the centre');
  assert.equal(network.relationships.length, 3, 'relationships between any two people, not only with the child');

  const log = await withTenant(kith.database.orm, setup.council.id, async (tx) => ({
    added: await searchAuditLog(tx, setup.council.id, { action: 'network.person_added' }),
    viewed: await searchAuditLog(tx, setup.council.id, { action: 'child_record.view' }),
  }));
  assert.equal(log.added.entries.length, 2);
  assert.equal(log.viewed.entries[0]?.details.part, 'network_api');
});

test('bad relationships are refused with clear messages and nothing is saved', async () => {
  const setup = await createCouncilWithChild(kith.database);
  const caller = await practitionerOf(setup);
  const nan = (await addPerson(caller, setup.childId, 'Jean Test')).json<{ personId: string }>().personId;
  const post = (payload: Record<string, unknown>) =>
    kith.app.inject({
      method: 'POST',
      url: `/api/v1/children/${setup.childId}/network/relationships`,
      headers: caller.headers,
      payload: { ...tie, fromPersonId: nan, toPersonId: setup.childId, ...payload },
    });
  const toSelf = await post({ toPersonId: nan });
  assert.equal(toSelf.statusCode, 400);
  assert.match(toSelf.body, /two different people/);
  const endsFirst = await post({ type: 'aunt', startedOn: '2020-01-01', endedOn: '2019-01-01' });
  assert.equal(endsFirst.statusCode, 400);
  assert.match(endsFirst.body, /end date must be the same as or after the start date/);
  const future = await post({ type: 'aunt', startedOn: '2999-01-01' });
  assert.equal(future.statusCode, 400);
  const duplicate = await post({ fromPersonId: setup.childId, toPersonId: nan });
  assert.equal(duplicate.statusCode, 409, 'the same tie recorded the other way round is still a duplicate');
  const futureBirth = await addPerson(caller, setup.childId, 'Not Born Yet', {
    person: { fullName: 'Not Born Yet', dateOfBirth: '2999-01-01' },
  });
  assert.equal(futureBirth.statusCode, 400);
  assert.match(futureBirth.body, /Date of birth must be today or in the past/);

  const graph = await kith.app.inject({ url: `/api/v1/children/${setup.childId}/network`, headers: caller.headers });
  assert.equal(graph.json<{ relationships: unknown[] }>().relationships.length, 1, 'only the first tie is there');
  assert.equal(graph.json<{ people: unknown[] }>().people.length, 2);
});

test('a changed tie keeps its history: the network on an earlier date shows it as it was', async () => {
  const setup = await createCouncilWithChild(kith.database);
  const caller = await practitionerOf(setup);
  const added = (await addPerson(caller, setup.childId, 'Jean Test')).json<{ relationshipId: string }>();
  // Pretend the first version was recorded last year.
  await kith.database.asOwner(async (owner) => {
    await owner.query(
      `update record_versions set recorded_at = now() - interval '1 year' where record_type = 'relationship' and record_id = $1`,
      [added.relationshipId],
    );
    await owner.query(`update network_members set added_at = now() - interval '1 year' where child_person_id = $1`, [
      setup.childId,
    ]);
  });
  const url = `/api/v1/children/${setup.childId}/network/relationships/${added.relationshipId}`;
  const facts = { ...tie, fromPersonId: '00000000-0000-4000-8000-000000000000', toPersonId: setup.childId };
  const changed = await kith.app.inject({
    method: 'PUT',
    url,
    headers: caller.headers,
    payload: {
      facts: { ...facts, closeness: 'tenuous', quality: 'stressful' },
      expectedVersion: 1,
      reason: 'After the move',
    },
  });
  assert.equal(changed.statusCode, 200, changed.body);
  const stale = await kith.app.inject({
    method: 'PUT',
    url,
    headers: caller.headers,
    payload: { facts: { ...facts, closeness: 'moderate' }, expectedVersion: 1, reason: null },
  });
  assert.equal(stale.statusCode, 409, 'a save from an out-of-date copy is refused, not silently overwriting');

  type Graph = { relationships: { closeness: string; fromPersonId: string }[] };
  const now = (
    await kith.app.inject({ url: `/api/v1/children/${setup.childId}/network`, headers: caller.headers })
  ).json<Graph>();
  assert.equal(now.relationships[0]?.closeness, 'tenuous');
  assert.notEqual(now.relationships[0]?.fromPersonId, facts.fromPersonId, 'the two people never change');
  const lastMonth = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
  const then = (
    await kith.app.inject({ url: `/api/v1/children/${setup.childId}/network?on=${lastMonth}`, headers: caller.headers })
  ).json<Graph>();
  assert.equal(then.relationships[0]?.closeness, 'strong');
});

test('cookie calls that change the network need the CSRF token; other councils and unrelated staff see nothing', async () => {
  const setup = await createCouncilWithChild(kith.database);
  const caller = await practitionerOf(setup);
  const withoutCsrf = await kith.app.inject({
    method: 'POST',
    url: `/api/v1/children/${setup.childId}/network/people`,
    headers: { cookie: caller.headers.cookie! },
    payload: { person: { fullName: 'No Token' }, circle: 'family', relationshipToChild: null },
  });
  assert.equal(withoutCsrf.statusCode, 403);
  const other = await createCouncilWithChild(kith.database);
  const stranger = await practitionerOf(other);
  const peek = await kith.app.inject({ url: `/api/v1/children/${setup.childId}/network`, headers: stranger.headers });
  assert.equal(peek.statusCode, 404);
  const write = await addPerson(stranger, setup.childId, 'Intruder');
  assert.equal(write.statusCode, 404);
});

test('possible matches: adding someone already recorded shows them first', async () => {
  const setup = await createCouncilWithChild(kith.database);
  const caller = await practitionerOf(setup);
  await addPerson(caller, setup.childId, 'Patricia Thompson');
  const matches = await kith.app.inject({
    url: `/api/v1/children/${setup.childId}/network/possible-matches?name=${encodeURIComponent('Patricia Thomson')}`,
    headers: caller.headers,
  });
  assert.equal(matches.statusCode, 200);
  assert.equal(matches.json<{ matches: { fullName: string }[] }>().matches[0]?.fullName, 'Patricia Thompson');
});
