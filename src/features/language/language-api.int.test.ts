import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testAppPerFile } from '../../../test/helpers/app.js';
import {
  createCouncilWithChild,
  createTestAccount,
  csrfTokenIn,
  signIn,
  signInWithCode,
} from '../../../test/helpers/accounts.js';
import { withTenant } from '../../platform/db/tenancy.js';
import { searchAuditLog } from '../../platform/audit/audit-log.js';

const kith = testAppPerFile();

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

test('a council switches a word off, adds its own, and the check follows; another council is untouched', async () => {
  const first = await createCouncilWithChild(kith.database);
  const second = await createCouncilWithChild(kith.database);
  const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
  const admin = await createTestAccount(kith.database, first.council.id, {
    roles: ['council_administrator'],
    totpSecret: secret,
  });
  const adminCookie = await signInWithCode(kith.app, admin.email, secret);
  const adminHeaders = { cookie: `kith_session=${adminCookie}` };
  const list = await kith.app.inject({ url: '/admin/language', headers: adminHeaders });
  assert.equal(list.statusCode, 200);
  const csrf = csrfTokenIn(list.body);
  const switched = await kith.app.inject({
    method: 'POST',
    url: '/admin/language/G03/switch',
    headers: adminHeaders,
    payload: { _csrf: csrf },
  });
  assert.equal(switched.statusCode, 303);
  const refused = await kith.app.inject({
    method: 'POST',
    url: '/admin/language/new',
    headers: adminHeaders,
    payload: {
      _csrf: csrf,
      term: 'cared for',
      patterns: '<script>',
      why: 'short',
      alternatives: '',
      audiences: 'family',
    },
  });
  assert.equal(refused.statusCode, 400);
  assert.match(refused.body, /Words to look for can use letters/);
  assert.match(refused.body, /Explain why it matters/);
  const added = await kith.app.inject({
    method: 'POST',
    url: '/admin/language/new',
    headers: adminHeaders,
    payload: {
      _csrf: csrf,
      term: 'looked after (we say cared for)',
      patterns: 'looked after',
      why: 'Our children in care council chose the words cared for.',
      alternatives: 'cared for',
      severity: 'suggest',
      audiences: ['professional', 'family'],
    },
  });
  assert.equal(added.statusCode, 303);

  const check = async (setup: Awaited<ReturnType<typeof createCouncilWithChild>>) => {
    const cookie = await signIn(kith.app, setup.practitioner.email);
    const page = await kith.app.inject({ url: '/account', headers: { cookie: `kith_session=${cookie}` } });
    const response = await kith.app.inject({
      method: 'POST',
      url: '/api/v1/language/check',
      headers: { cookie: `kith_session=${cookie}`, 'x-csrf-token': csrfTokenIn(page.body) },
      payload: { text: 'Her placement is settled and she is looked after by the council.' },
    });
    return response.json<{ findings: { entryId: string }[] }>().findings.map((finding) => finding.entryId);
  };
  assert.deepEqual(await check(first), ['C1'], 'placement switched off here; the council’s own word suggested');
  assert.deepEqual(await check(second), ['G03'], 'another council keeps the built-in list');
  const log = await withTenant(kith.database.orm, first.council.id, (tx) =>
    searchAuditLog(tx, first.council.id, { action: 'language.glossary_entry_switched_off' }),
  );
  assert.equal(log.entries.length, 1);
});

test('the words page lists the glossary by category, and search finds a word by its alternatives too', async () => {
  const { practitioner } = await createCouncilWithChild(kith.database);
  const cookie = await signIn(kith.app, practitioner.email);
  const page = await kith.app.inject({ url: '/language/words', headers: { cookie: `kith_session=${cookie}` } });
  assert.equal(page.statusCode, 200);
  for (const heading of [
    'Care-system words',
    'Phrases that blame a child or family',
    'Opinions written as facts',
    'Jargon',
  ])
    assert.ok(page.body.includes(heading), heading);
  assert.ok(page.body.includes('family time'));
  const search = await kith.app.inject({
    url: '/language/words?q=short%20break',
    headers: { cookie: `kith_session=${cookie}` },
  });
  assert.equal(search.statusCode, 200);
  assert.match(search.body, /1 word found/);
  assert.match(search.body, /respite/);
});
