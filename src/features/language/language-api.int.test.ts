import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/helpers/app.js';
import { createCouncilWithChild, csrfTokenIn, signIn } from '../../../test/helpers/accounts.js';

let kith: TestApp;
before(async () => {
  kith = await buildTestApp();
});
after(() => kith.close());

test('POST /api/v1/language/check returns findings with offsets, readability and balance; nothing is stored', async () => {
  const { practitioner } = await createCouncilWithChild(kith.database);
  const cookie = await signIn(kith.app, practitioner.email);
  const page = await kith.app.inject({ url: '/account', headers: { cookie: `kith_session=${cookie}` } });
  const headers = { cookie: `kith_session=${cookie}`, 'x-csrf-token': csrfTokenIn(page.body) };
  const text = 'Mum failed to engage. Mia said "I hate contact".';
  const response = await kith.app.inject({
    method: 'POST',
    url: '/api/v1/language/check',
    headers,
    payload: {
      text,
      audience: 'family',
      balance: { strengths: ['Nan visits'], worries: [], childsView: ['I like Nan'] },
    },
  });
  assert.equal(response.statusCode, 200, response.body);
  const check = response.json<{
    findings: { entryId: string; start: number; end: number }[];
    readability: { readingAge: number; target: number };
    balance: { notes: string[] };
  }>();
  assert.deepEqual(
    check.findings.map((finding) => [finding.entryId, text.slice(finding.start, finding.end)]),
    [['G42', 'failed to engage']],
  );
  assert.equal(check.readability.target, 11);
  assert.deepEqual(check.balance.notes, ['No worries recorded: is there anything anyone is worried about?']);

  const withoutCsrf = await kith.app.inject({
    method: 'POST',
    url: '/api/v1/language/check',
    headers: { cookie: `kith_session=${cookie}` },
    payload: { text },
  });
  assert.equal(withoutCsrf.statusCode, 403);
  const tooLong = await kith.app.inject({
    method: 'POST',
    url: '/api/v1/language/check',
    headers,
    payload: { text: 'a'.repeat(100_001) },
  });
  assert.equal(tooLong.statusCode, 400);
  const nobody = await kith.app.inject({ method: 'POST', url: '/api/v1/language/check', payload: { text } });
  assert.equal(nobody.statusCode, 401);
});
