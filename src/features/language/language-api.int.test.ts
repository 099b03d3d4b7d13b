import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testAppPerFile } from '../../../test/helpers/app.js';
import * as accounts from '../../../test/helpers/accounts.js';
import { postForm } from '../../../test/helpers/forms.js';
import { withTenant } from '../../platform/db/tenancy.js';
import { searchAuditLog } from '../../platform/audit/audit-log.js';

const { cookieHeader, createCouncilWithChild, csrfTokenIn, signIn } = accounts;
const kith = testAppPerFile();

/** A signed-in browser's headers for the API: its cookie, and the CSRF token of a page it opened. */
async function apiHeadersFor(cookie: string) {
  const page = await kith.app.inject({ url: '/account', headers: cookieHeader(cookie) });
  return { ...cookieHeader(cookie), 'x-csrf-token': csrfTokenIn(page.body) };
}

test('POST /api/v1/language/check returns findings with offsets, readability and balance; nothing is stored', async () => {
  const { practitioner } = await createCouncilWithChild(kith.database);
  const cookie = await signIn(kith.app, practitioner.email);
  const headers = await apiHeadersFor(cookie);
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
    headers: cookieHeader(cookie),
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
  const secret = accounts.TEST_TOTP_SECRET;
  const admin = await accounts.createTestAccount(kith.database, first.council.id, {
    roles: ['council_administrator'],
    totpSecret: secret,
  });
  const adminCookie = await accounts.signInWithCode(kith.app, admin.email, secret);
  const list = await kith.app.inject({ url: '/admin/language', headers: cookieHeader(adminCookie) });
  assert.equal(list.statusCode, 200);
  const csrf = csrfTokenIn(list.body);
  const switched = await postForm(kith.app, adminCookie, '/admin/language/G03/switch', { _csrf: csrf });
  assert.equal(switched.statusCode, 303);
  const refused = await postForm(kith.app, adminCookie, '/admin/language/new', {
    _csrf: csrf,
    term: 'cared for',
    patterns: '<script>',
    why: 'short',
    alternatives: '',
    audiences: 'family',
  });
  assert.equal(refused.statusCode, 400);
  assert.match(refused.body, /Words to look for can use letters/);
  assert.match(refused.body, /Explain why it matters/);
  const added = await postForm(kith.app, adminCookie, '/admin/language/new', {
    _csrf: csrf,
    term: 'looked after (we say cared for)',
    patterns: 'looked after',
    why: 'Our children in care council chose the words cared for.',
    alternatives: 'cared for',
    severity: 'suggest',
    audiences: ['professional', 'family'],
  });
  assert.equal(added.statusCode, 303);

  const check = async (setup: Awaited<ReturnType<typeof createCouncilWithChild>>) => {
    const cookie = await signIn(kith.app, setup.practitioner.email);
    const response = await kith.app.inject({
      method: 'POST',
      url: '/api/v1/language/check',
      headers: await apiHeadersFor(cookie),
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
  const page = await kith.app.inject({ url: '/language/words', headers: cookieHeader(cookie) });
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
    headers: cookieHeader(cookie),
  });
  assert.equal(search.statusCode, 200);
  assert.match(search.body, /1 word found/);
  assert.match(search.body, /respite/);
});
