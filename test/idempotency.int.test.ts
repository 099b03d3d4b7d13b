/**
 * A retried API write with the same Idempotency-Key records once (Kith issue 34, finding 5):
 * the answer to the first is given again; a different request under the same key is refused;
 * a key is the account's own; without a key, each POST is its own write.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildTestApp, type TestApp } from './helpers/app.js';
import { api, mappingApiFixtures, type Caller } from '../src/features/mapping/mapping-api-fixtures.js';
import { aVisit, voiceSessions } from '../src/features/voice/voice-fixtures.js';
import { formValuesIn } from './helpers/forms.js';

let kith: TestApp;
before(async () => {
  kith = await buildTestApp();
});
after(() => kith.close());

const { childWithMum } = mappingApiFixtures(() => kith);
const visits = voiceSessions(() => kith);
const mapping = { title: 'First mapping', heldOn: '2026-06-10', whoTookPart: 'Sarah, Robin, Alex' };

const start = (caller: Caller, childId: string, key?: string, payload: object = mapping) =>
  kith.app.inject({
    method: 'POST',
    url: `${api(childId)}/mappings`,
    headers: { ...caller.headers, ...(key ? { 'idempotency-key': key } : {}) },
    payload,
  });
const mappingsOf = async (caller: Caller, childId: string) =>
  (await kith.app.inject({ url: `${api(childId)}/mappings`, headers: caller.headers })).json<{ mappings: unknown[] }>()
    .mappings.length;

test('the same POST sent again with the same key records once and answers as the first time', async () => {
  const { childId, caller } = await childWithMum();
  const first = await start(caller, childId, 'visit-2026-06-10-a');
  assert.equal(first.statusCode, 201, first.body);
  const again = await start(caller, childId, 'visit-2026-06-10-a');
  assert.equal(again.statusCode, 201);
  assert.equal(again.body, first.body, 'the same mapping id, not a new one');
  assert.equal(again.headers['idempotent-replayed'], 'true');
  assert.equal(await mappingsOf(caller, childId), 1);

  const changed = await start(caller, childId, 'visit-2026-06-10-a', { ...mapping, title: 'Another' });
  assert.equal(changed.statusCode, 422, 'a different request under a used key');
  assert.equal(await mappingsOf(caller, childId), 1);

  assert.equal((await start(caller, childId)).statusCode, 201);
  assert.equal((await start(caller, childId)).statusCode, 201);
  assert.equal(await mappingsOf(caller, childId), 3, 'without a key, each POST is its own write');
});

test('a bad key is refused, and a request refused for its input can be sent again, corrected, with its key', async () => {
  const { childId, caller } = await childWithMum();
  assert.equal((await start(caller, childId, 'has a space')).statusCode, 400);
  assert.equal((await start(caller, childId, 'x'.repeat(201))).statusCode, 400);
  const invalid = await start(caller, childId, 'k-1', { title: '' });
  assert.ok(invalid.statusCode >= 400 && invalid.statusCode < 500, invalid.body);
  assert.equal(await mappingsOf(caller, childId), 0);
  const corrected = await start(caller, childId, 'k-2');
  assert.equal(corrected.statusCode, 201, corrected.body);
  assert.equal(await mappingsOf(caller, childId), 1);
});

test('a form sent twice (a double click, a retry after a lost answer) records once', async () => {
  const session = await visits.practitioner();
  const url = `/children/${session.childId}/visits/new`;
  const page = await session.get(url);
  const rendered = formValuesIn(page.body, url);
  assert.match(String(rendered._submission), /^[0-9a-f-]{36}$/, 'the form carries a one-time id');
  const send = () =>
    kith.app.inject({ method: 'POST', url, headers: session.headers, payload: { ...rendered, ...aVisit } });
  const first = await send();
  assert.equal(first.statusCode, 303, first.body.slice(0, 300));
  const again = await send();
  assert.equal(again.statusCode, 303);
  assert.equal(again.headers.location, first.headers.location, 'sent back to the same visit');
  const list = await session.get(`/children/${session.childId}/visits`);
  const visitLinks = new Set(list.body.match(/\/visits\/[0-9a-f-]{36}/g) ?? []);
  assert.equal(visitLinks.size, 1, 'one visit recorded');

  // A fresh page of the same form is a new submission.
  const second = await session.submit(url, aVisit);
  assert.equal(second.statusCode, 303);
  const after = await session.get(`/children/${session.childId}/visits`);
  assert.equal(new Set(after.body.match(/\/visits\/[0-9a-f-]{36}/g) ?? []).size, 2);
});
