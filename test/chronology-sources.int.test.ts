/**
 * The chronology gathers the other parts of the record: mappings with their scaling and
 * positions on the safe uncertainty grid appear beside visits, and can be filtered by type.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildTestApp, type TestApp } from './helpers/app.js';
import { createCouncilWithChild, csrfTokenIn, signIn } from './helpers/accounts.js';

let kith: TestApp;
before(async () => {
  kith = await buildTestApp();
});
after(() => kith.close());

test('mappings and safe uncertainty positions appear in the child’s chronology', async () => {
  const { childId, practitioner } = await createCouncilWithChild(kith.database);
  const cookie = await signIn(kith.app, practitioner.email);
  const account = await kith.app.inject({ url: '/account', headers: { cookie: `kith_session=${cookie}` } });
  const headers = { cookie: `kith_session=${cookie}`, 'x-csrf-token': csrfTokenIn(account.body) };

  const mapping = await kith.app.inject({
    method: 'POST',
    url: `/api/v1/children/${childId}/mappings`,
    headers,
    payload: { title: 'First mapping', heldOn: '2026-06-10' },
  });
  assert.equal(mapping.statusCode, 201, mapping.body);
  const { mappingId } = mapping.json<{ mappingId: string }>();
  const scored = await kith.app.inject({
    method: 'POST',
    url: `/api/v1/children/${childId}/mappings/${mappingId}/scores`,
    headers,
    payload: { scorerKind: 'child', scorerName: 'Robin', score: 6, reason: 'Calmer', scoredOn: '2026-06-10' },
  });
  assert.equal(scored.statusCode, 201, scored.body);
  const position = await kith.app.inject({
    method: 'POST',
    url: `/api/v1/children/${childId}/safe-uncertainty/positions`,
    headers,
    payload: {
      position: 'safe_uncertainty',
      reasons: 'The safety network has held for months',
      assessedOn: '2026-07-01',
    },
  });
  assert.equal(position.statusCode, 201, position.body);

  const chronology = await kith.app.inject({
    url: `/children/${childId}/chronology`,
    headers: { cookie: `kith_session=${cookie}` },
  });
  assert.equal(chronology.statusCode, 200);
  assert.match(chronology.body, /Mapping with the family: First mapping/);
  assert.match(chronology.body, /Scaling: The child: 6/);
  assert.match(chronology.body, /Where the work stands: Safe uncertainty/);
  assert.ok(
    chronology.body.indexOf('Where the work stands') < chronology.body.indexOf('Mapping with the family'),
    'newest first',
  );

  const onlyMappings = await kith.app.inject({
    url: `/children/${childId}/chronology?type=mapping`,
    headers: { cookie: `kith_session=${cookie}` },
  });
  assert.match(onlyMappings.body, /Mapping with the family: First mapping/);
  assert.doesNotMatch(onlyMappings.body, /Where the work stands/);
});
