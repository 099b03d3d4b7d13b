import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { testAppPerFile } from '../../../test/helpers/app.js';
import { withTenant } from '../../platform/db/tenancy.js';
import { searchAuditLog } from '../../platform/audit/audit-log.js';
import { versionsOf } from '../../platform/history/record-history.js';
import { insertEntry } from './queries.js';
import { api, mappingApiFixtures } from './mapping-api-fixtures.js';

const kith = testAppPerFile();

const { childWithMum, startMapping } = mappingApiFixtures(() => kith);

test('a mapping is built in three columns through the API, each entry saying whose view it is', async () => {
  const { childId, mumId, caller, council } = await childWithMum();
  const mappingId = await startMapping(caller, childId);
  const entries = `${api(childId)}/mappings/${mappingId}/entries`;
  const post = (payload: Record<string, unknown>) =>
    kith.app.inject({ method: 'POST', url: entries, headers: caller.headers, payload });

  const danger = await post({
    section: 'danger_statement',
    worriedWho: 'Sarah and the school',
    couldHappen: 'Robin could be hurt or frightened',
    becauseOf: 'Dan shouts and throws things when he has been drinking',
    inCircumstances: 'at weekends',
    viewOfKind: 'family',
    viewOfPersonId: mumId,
  });
  assert.equal(danger.statusCode, 201, danger.body);
  const dangerEntry = danger.json<{ statement: string; viewOfName: string; id: string; version: number }>();
  assert.equal(
    dangerEntry.statement,
    'Sarah and the school are worried that Robin could be hurt or frightened, because Dan shouts and throws things when he has been drinking, at weekends.',
  );
  assert.equal(dangerEntry.viewOfName, 'Sarah Test', 'the name comes from the person picked');

  assert.equal(
    (
      await post({
        section: 'existing_strength',
        statement: 'Sarah walks Robin to school',
        viewOfKind: 'child',
        viewOfName: 'Robin',
      })
    ).statusCode,
    201,
  );
  assert.equal(
    (
      await post({
        section: 'safety_goal',
        goalWho: 'Sarah and Nan',
        goalWillBeDoing: 'make sure a sober adult looks after Robin every weekend',
        viewOfKind: 'family',
        viewOfName: 'Sarah',
      })
    ).statusCode,
    201,
  );
  const step = await post({
    section: 'next_step',
    statement: 'Ask Nan to join the safety network',
    stepOwnerPersonId: mumId,
    stepDueOn: '2026-07-01',
    viewOfKind: 'professional',
    viewOfName: 'Alex Morgan',
  });
  assert.equal(step.statusCode, 201, step.body);
  assert.equal(step.json<{ stepOwnerName: string }>().stepOwnerName, 'Sarah Test');

  for (const [scorerKind, scorerName, score] of [
    ['child', 'Robin', 6],
    ['family', 'Sarah', 5],
    ['professional', 'Alex', 3],
  ] as const) {
    const scored = await kith.app.inject({
      method: 'POST',
      url: `${api(childId)}/mappings/${mappingId}/scores`,
      headers: caller.headers,
      payload: { scorerKind, scorerName, score, reason: 'Things are calmer at home', scoredOn: '2026-06-10' },
    });
    assert.equal(scored.statusCode, 201, scored.body);
  }

  const mapping = await kith.app.inject({ url: `${api(childId)}/mappings/${mappingId}`, headers: caller.headers });
  assert.equal(mapping.statusCode, 200);
  const body = mapping.json<{
    entries: { section: string }[];
    scores: { score: number }[];
    balance: { notes: string[]; strengths: number; worries: number; childsView: number };
  }>();
  assert.deepEqual(body.entries.map((entry) => entry.section).sort(), [
    'danger_statement',
    'existing_strength',
    'next_step',
    'safety_goal',
  ]);
  assert.equal(body.scores.length, 3);
  assert.deepEqual(body.balance.notes, []);
  assert.equal(body.balance.childsView, 2, 'Robin’s own words and Robin’s own score');

  const scaling = await kith.app.inject({ url: `${api(childId)}/scaling`, headers: caller.headers });
  assert.deepEqual(scaling.json<{ occasions: { byGroup: Record<string, number | null> }[] }>().occasions[0]!.byGroup, {
    child: 6,
    family: 5,
    network: null,
    professional: 3,
  });

  const audit = await withTenant(kith.database.orm, council.id, (tx) =>
    searchAuditLog(tx, council.id, { childPersonId: childId }, { limit: 100 }),
  );
  const actions = audit.entries.map((entry) => entry.action);
  assert.ok(actions.includes('mapping.started'));
  assert.equal(actions.filter((action) => action === 'mapping.entry_added').length, 4);
  assert.equal(actions.filter((action) => action === 'mapping.scored').length, 3);
  assert.ok(actions.includes('child_record.view'), 'reading the mapping is audited');
});

test('bad input is refused with the field named, and nothing is saved', async () => {
  const { childId, caller } = await childWithMum();
  const mappingId = await startMapping(caller, childId);
  const entries = `${api(childId)}/mappings/${mappingId}/entries`;
  const noOneWorried = await kith.app.inject({
    method: 'POST',
    url: entries,
    headers: caller.headers,
    payload: {
      section: 'danger_statement',
      couldHappen: 'Robin could be hurt',
      becauseOf: 'shouting',
      viewOfKind: 'professional',
      viewOfName: 'Alex',
    },
  });
  assert.equal(noOneWorried.statusCode, 422);
  assert.deepEqual(noOneWorried.json<{ errors: { pointer: string; detail: string }[] }>().errors, [
    { pointer: '/worriedWho', detail: 'Enter who is worried' },
  ]);

  const stranger = await kith.app.inject({
    method: 'POST',
    url: entries,
    headers: caller.headers,
    payload: { section: 'existing_strength', statement: 'x', viewOfKind: 'network', viewOfPersonId: randomUUID() },
  });
  assert.equal(stranger.statusCode, 422, 'someone not in the child’s world is never trusted');

  const eleven = await kith.app.inject({
    method: 'POST',
    url: `${api(childId)}/mappings/${mappingId}/scores`,
    headers: caller.headers,
    payload: { scorerKind: 'family', scorerName: 'Sarah', score: 11, reason: 'Very good' },
  });
  assert.equal(eleven.statusCode, 400);
  assert.match(eleven.body, /score/);

  const future = await kith.app.inject({
    method: 'POST',
    url: `${api(childId)}/mappings/${mappingId}/scores`,
    headers: caller.headers,
    payload: { scorerKind: 'family', scorerName: 'Sarah', score: 5, reason: 'x', scoredOn: '2999-01-01' },
  });
  assert.equal(future.statusCode, 422);

  const mapping = await kith.app.inject({ url: `${api(childId)}/mappings/${mappingId}`, headers: caller.headers });
  const saved = mapping.json<{ entries: unknown[]; scores: unknown[] }>();
  assert.deepEqual([saved.entries.length, saved.scores.length], [0, 0], 'nothing was saved');
});

test('an entry moves between sections as understanding changes; every version is kept and stale changes are refused', async () => {
  const { childId, caller, council } = await childWithMum();
  const mappingId = await startMapping(caller, childId);
  const added = await kith.app.inject({
    method: 'POST',
    url: `${api(childId)}/mappings/${mappingId}/entries`,
    headers: caller.headers,
    payload: {
      section: 'existing_strength',
      statement: 'Nan has had Robin every weekend since June',
      viewOfKind: 'network',
      viewOfName: 'Nan',
    },
  });
  const entry = added.json<{ id: string; version: number }>();
  const url = `${api(childId)}/mappings/${mappingId}/entries/${entry.id}`;

  const toDanger = await kith.app.inject({
    method: 'PUT',
    url,
    headers: caller.headers,
    payload: {
      section: 'danger_statement',
      statement: 'Nan has had Robin every weekend since June',
      viewOfKind: 'network',
      viewOfName: 'Nan',
      expectedVersion: 1,
    },
  });
  assert.equal(toDanger.statusCode, 422, 'a move to danger statements asks for its parts');

  const moved = await kith.app.inject({
    method: 'PUT',
    url,
    headers: caller.headers,
    payload: {
      section: 'existing_safety',
      statement: 'Nan has had Robin every weekend since June, and he comes home happy',
      viewOfKind: 'network',
      viewOfName: 'Nan',
      expectedVersion: 1,
      reason: 'Shown over months, while the worry was there',
    },
  });
  assert.equal(moved.statusCode, 200, moved.body);
  assert.equal(moved.json<{ version: number; section: string }>().section, 'existing_safety');

  const stale = await kith.app.inject({
    method: 'PUT',
    url,
    headers: caller.headers,
    payload: {
      section: 'existing_strength',
      statement: 'Mine',
      viewOfKind: 'network',
      viewOfName: 'Nan',
      expectedVersion: 1,
    },
  });
  assert.equal(stale.statusCode, 409);
  assert.equal(stale.json<{ current: { version: number; section: string } }>().current.section, 'existing_safety');

  const versions = await withTenant(kith.database.orm, council.id, (tx) =>
    versionsOf(tx, council.id, 'mapping_entry', entry.id),
  );
  assert.deepEqual(
    versions.map((version) => [version.version, (version.content as { section: string }).section, version.reason]),
    [
      [2, 'existing_safety', 'Shown over months, while the worry was there'],
      [1, 'existing_strength', null],
    ],
  );
});

test('the OpenAPI document describes mapping and scaling', async () => {
  const document = await kith.app.inject({ url: '/api/docs/json' });
  const paths = Object.keys(document.json<{ paths: Record<string, unknown> }>().paths);
  for (const path of [
    '/api/v1/children/{childId}/mappings',
    '/api/v1/children/{childId}/mappings/{mappingId}',
    '/api/v1/children/{childId}/mappings/{mappingId}/entries',
    '/api/v1/children/{childId}/mappings/{mappingId}/entries/{entryId}',
    '/api/v1/children/{childId}/mappings/{mappingId}/scores',
    '/api/v1/children/{childId}/scaling',
  ]) {
    assert.ok(paths.includes(path), `${path} is documented`);
  }
});

test('an entry brought in without history keeps what it first said when it is changed', async () => {
  const { childId, caller, council } = await childWithMum();
  const mappingId = await startMapping(caller, childId);
  const entry = await withTenant(kith.database.orm, council.id, (tx) =>
    insertEntry(tx, council.id, mappingId, {
      section: 'existing_strength',
      statement: 'Imported: Robin loves football',
      viewOfKind: 'child',
      viewOfName: 'Robin',
    }),
  );
  const changed = await kith.app.inject({
    method: 'PUT',
    url: `${api(childId)}/mappings/${mappingId}/entries/${entry.id}`,
    headers: caller.headers,
    payload: {
      section: 'existing_strength',
      statement: 'Robin loves football and cricket',
      viewOfKind: 'child',
      viewOfName: 'Robin',
      expectedVersion: 1,
    },
  });
  assert.equal(changed.statusCode, 200, changed.body);
  const versions = await withTenant(kith.database.orm, council.id, (tx) =>
    versionsOf(tx, council.id, 'mapping_entry', entry.id),
  );
  assert.deepEqual(
    versions.map((version) => [
      version.version,
      (version.content as { statement: string }).statement,
      version.recordedByLabel,
    ]),
    [
      [2, 'Robin loves football and cricket', versions[0]!.recordedByLabel],
      [1, 'Imported: Robin loves football', 'As first recorded'],
    ],
  );
});
