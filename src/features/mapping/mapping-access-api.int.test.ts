/** Who may see and change a mapping through the API, sibling groups included. */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { testAppPerFile } from '../../../test/helpers/app.js';
import { createCouncilWithChild, createTestAccount } from '../../../test/helpers/accounts.js';
import { withTenant } from '../../platform/db/tenancy.js';
import { searchAuditLog } from '../../platform/audit/audit-log.js';
import { addTeamMember, allocateChild, createTeam } from '../../platform/identity/accounts.js';
import { insertChildRecord, insertPerson } from '../people/queries.js';
import { insertMember } from '../network/queries.js';
import { api, mappingApiFixtures, partnerSharedWith } from './mapping-api-fixtures.js';

const kith = testAppPerFile();

const { callerFor, childWithMum, startMapping } = mappingApiFixtures(() => kith);

test('who may see and change a mapping: the allocated worker; not another council, not someone with no relationship; a partner agency worker reads only', async () => {
  const { childId, caller, council } = await childWithMum();
  const mappingId = await startMapping(caller, childId);
  const other = await createCouncilWithChild(kith.database);
  const outsider = await callerFor(other.practitioner.email);
  const unrelated = await createTestAccount(kith.database, council.id, { roles: ['practitioner'] });
  const partner = await partnerSharedWith(kith.database, council.id, childId);
  const url = `${api(childId)}/mappings/${mappingId}`;
  assert.equal((await kith.app.inject({ url, headers: outsider.headers })).statusCode, 404);
  const unrelatedCaller = await callerFor(unrelated.email);
  assert.equal((await kith.app.inject({ url, headers: unrelatedCaller.headers })).statusCode, 404);
  const partnerCaller = await callerFor(partner.email);
  assert.equal((await kith.app.inject({ url, headers: partnerCaller.headers })).statusCode, 200);
  const partnerWrite = await kith.app.inject({
    method: 'POST',
    url: `${url}/scores`,
    headers: partnerCaller.headers,
    payload: { scorerKind: 'professional', scorerName: 'Helen', score: 5, reason: 'x' },
  });
  assert.equal(partnerWrite.statusCode, 403);
  const unrelatedWrite = await kith.app.inject({
    method: 'POST',
    url: `${url}/scores`,
    headers: unrelatedCaller.headers,
    payload: { scorerKind: 'professional', scorerName: 'Someone', score: 5, reason: 'x' },
  });
  assert.equal(unrelatedWrite.statusCode, 404);
  const refusals = await withTenant(kith.database.orm, council.id, (tx) =>
    searchAuditLog(tx, council.id, { childPersonId: childId, outcome: 'denied' }, { limit: 20 }),
  );
  assert.ok(refusals.entries.length >= 2, 'refusals are audited');
});

test('a mapping about brothers and sisters opens only for someone who may see every child in it', async () => {
  const { childId, caller, council, practitioner } = await childWithMum();
  // A brother in Robin's world, with his own record, allocated to the same practitioner.
  const brotherId = await withTenant(kith.database.orm, council.id, async (tx) => {
    const id = await insertPerson(tx, council.id, { fullName: 'Sam Test', dateOfBirth: '2018-01-01' });
    await insertChildRecord(tx, council.id, { personId: id, reference: `B-${randomUUID().slice(0, 6).toUpperCase()}` });
    await insertMember(tx, council.id, { childPersonId: childId, personId: id, circle: 'family' });
    await allocateChild(tx, council.id, { childPersonId: id, userId: practitioner.userId });
    return id;
  });
  const together = await kith.app.inject({
    method: 'POST',
    url: `${api(childId)}/mappings`,
    headers: caller.headers,
    payload: { title: 'Both boys', heldOn: '2026-06-10', siblingIds: [brotherId] },
  });
  assert.equal(together.statusCode, 201, together.body);
  const { mappingId } = together.json<{ mappingId: string }>();
  // It is part of the brother's record too.
  const fromBrother = await kith.app.inject({
    url: `${api(brotherId)}/mappings/${mappingId}`,
    headers: caller.headers,
  });
  assert.equal(fromBrother.statusCode, 200);

  // A colleague who works only with Robin does not see his brother's part.
  const colleague = await createTestAccount(kith.database, council.id, { roles: ['practitioner'] });
  await withTenant(kith.database.orm, council.id, async (tx) => {
    const teamId = await createTeam(tx, council.id, `Team ${randomUUID().slice(0, 6)}`);
    await addTeamMember(tx, council.id, teamId, colleague.userId);
    await allocateChild(tx, council.id, { childPersonId: childId, userId: colleague.userId });
  });
  const colleagueCaller = await callerFor(colleague.email);
  const list = await kith.app.inject({ url: `${api(childId)}/mappings`, headers: colleagueCaller.headers });
  assert.equal(list.json<{ mappings: unknown[] }>().mappings.length, 0);
  const direct = await kith.app.inject({
    url: `${api(childId)}/mappings/${mappingId}`,
    headers: colleagueCaller.headers,
  });
  assert.equal(direct.statusCode, 404);

  // A child not in Robin's world cannot be added to his mapping.
  const stranger = await withTenant(kith.database.orm, council.id, async (tx) => {
    const id = await insertPerson(tx, council.id, { fullName: 'Not Related' });
    await insertChildRecord(tx, council.id, { personId: id, reference: `N-${randomUUID().slice(0, 6).toUpperCase()}` });
    await allocateChild(tx, council.id, { childPersonId: id, userId: practitioner.userId });
    return id;
  });
  const refused = await kith.app.inject({
    method: 'POST',
    url: `${api(childId)}/mappings`,
    headers: caller.headers,
    payload: { title: 'Wrong', heldOn: '2026-06-10', siblingIds: [stranger] },
  });
  assert.equal(refused.statusCode, 422);
});
