/**
 * Hostile input through HTTP: script tags and SQL fragments are stored inertly and always
 * rendered escaped; over-long values are refused with a message and change nothing; control
 * characters are removed; invalid UTF-8 and poisoned ids never cause a server error.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { buildTestApp, type TestApp } from './helpers/app.js';
import { createCouncilWithChild, csrfTokenIn, signIn } from './helpers/accounts.js';
import { withTenant } from '../src/platform/db/tenancy.js';
import { rowsOf } from '../src/platform/db/tenancy.js';

const cookieHeader = (value: string) => ({ cookie: `kith_session=${value}` });
let kith: TestApp;
before(async () => {
  kith = await buildTestApp();
});
after(() => kith.close());

const detailsForm = (overrides: Record<string, string>) => ({
  fullName: 'Robin Test',
  knownAs: '',
  pronouns: '',
  'dob-Day': '1',
  'dob-Month': '5',
  'dob-Year': '2016',
  languages: 'English',
  whatTheyBring: '',
  reason: 'Testing hostile input',
  expectedVersion: '0',
  ...overrides,
});

test('script tags and SQL fragments are stored as typed and shown escaped; control characters are removed', async () => {
  const { council, practitioner, childId } = await createCouncilWithChild(kith.database);
  const cookie = await signIn(kith.app, practitioner.email);
  const page = await kith.app.inject({ url: `/children/${childId}/details`, headers: cookieHeader(cookie) });
  const hostileName = '<script>alert("known as")</script>';
  const sqlFragment = "Robin'); drop table people; --";
  const saved = await kith.app.inject({
    method: 'POST',
    url: `/children/${childId}/details`,
    headers: cookieHeader(cookie),
    payload: {
      _csrf: csrfTokenIn(page.body),
      ...detailsForm({
        knownAs: hostileName,
        whatTheyBring: `${sqlFragment}\u0000\u0007 <img src=x onerror=alert(1)>`,
      }),
    },
  });
  assert.equal(saved.statusCode, 303);
  const child = await kith.app.inject({ url: `/children/${childId}`, headers: cookieHeader(cookie) });
  assert.equal(child.statusCode, 200);
  assert.doesNotMatch(child.body, /<script>alert/);
  assert.doesNotMatch(child.body, /<img src=x/);
  assert.match(child.body, /&lt;script&gt;alert\(&quot;known as&quot;\)&lt;\/script&gt;/);
  assert.match(child.body, /Robin&#39;\); drop table people; --/);
  const stored = await withTenant(kith.database.orm, council.id, async (tx) =>
    rowsOf<{ knownAs: string; whatTheyBring: string }>(
      await tx.execute(
        sql`select known_as as "knownAs", what_they_bring as "whatTheyBring" from people where id = ${childId}`,
      ),
    ),
  );
  assert.equal(stored[0]?.knownAs, hostileName, 'stored exactly as typed: escaping happens on output');
  assert.equal(stored[0]?.whatTheyBring, `${sqlFragment} <img src=x onerror=alert(1)>`);
  // The API returns the same text as JSON data, never markup.
  const api = await kith.app.inject({ url: `/api/v1/children/${childId}`, headers: cookieHeader(cookie) });
  assert.equal(api.json<{ knownAs: string }>().knownAs, hostileName);
  assert.match(String(api.headers['content-type']), /^application\/json/);
});

test('over-long values are refused with a clear message and change nothing', async () => {
  const { practitioner, childId } = await createCouncilWithChild(kith.database);
  const cookie = await signIn(kith.app, practitioner.email);
  const page = await kith.app.inject({ url: `/children/${childId}/details`, headers: cookieHeader(cookie) });
  const response = await kith.app.inject({
    method: 'POST',
    url: `/children/${childId}/details`,
    headers: cookieHeader(cookie),
    payload: { _csrf: csrfTokenIn(page.body), ...detailsForm({ fullName: 'R'.repeat(5_000) }) },
  });
  assert.equal(response.statusCode, 400);
  assert.match(response.body, /govuk-error-summary/);
  assert.match(response.body, /href="#fullName"/);
  const history = await kith.app.inject({ url: `/children/${childId}/history`, headers: cookieHeader(cookie) });
  assert.match(history.body, /have not been changed since they were first recorded/);
  // A body far beyond any form's size is refused before any handler runs.
  const huge = await kith.app.inject({
    method: 'POST',
    url: `/children/${childId}/details`,
    headers: { ...cookieHeader(cookie), 'content-type': 'application/x-www-form-urlencoded' },
    payload: `_csrf=${csrfTokenIn(page.body)}&whatTheyBring=${'a'.repeat(3_000_000)}`,
  });
  assert.equal(huge.statusCode, 413);
});

test('invalid UTF-8, poisoned ids and SQL-shaped sign-in attempts never cause a server error', async () => {
  const { practitioner, childId } = await createCouncilWithChild(kith.database);
  const cookie = await signIn(kith.app, practitioner.email);
  const page = await kith.app.inject({ url: `/children/${childId}/details`, headers: cookieHeader(cookie) });
  const invalidUtf8 = await kith.app.inject({
    method: 'POST',
    url: `/children/${childId}/details`,
    headers: { ...cookieHeader(cookie), 'content-type': 'application/x-www-form-urlencoded' },
    payload: Buffer.concat([
      Buffer.from(`_csrf=${encodeURIComponent(csrfTokenIn(page.body))}&fullName=Robin&reason=`),
      Buffer.from([0xc3, 0x28, 0xff, 0xfe]),
      Buffer.from('&knownAs=%C3%28%FF&expectedVersion=0&dob-Day=1&dob-Month=5&dob-Year=2016'),
    ]),
  });
  assert.ok(invalidUtf8.statusCode < 500, `got ${invalidUtf8.statusCode}`);

  for (const poisoned of ["1' or '1'='1", '%00', '..%2F..%2Fetc%2Fpasswd', '00000000-0000-0000-0000-000000000000']) {
    const response = await kith.app.inject({ url: `/children/${poisoned}`, headers: cookieHeader(cookie) });
    assert.equal(response.statusCode, 404, `/children/${poisoned}`);
  }
  const tooLong = await kith.app.inject({ url: `/children/${'a'.repeat(500)}`, headers: cookieHeader(cookie) });
  assert.equal(tooLong.statusCode, 414, 'an id longer than any real one is refused before routing');
  const signInAttempt = await kith.app.inject({
    method: 'POST',
    url: '/sign-in',
    payload: { email: "' or 1=1 --@x.example", password: "' or '1'='1" },
  });
  assert.equal(signInAttempt.statusCode, 400);
  assert.match(signInAttempt.body, /govuk-error-summary/);
  const badJson = await kith.app.inject({
    method: 'POST',
    url: '/session/keep-alive',
    headers: { ...cookieHeader(cookie), 'content-type': 'application/json' },
    payload: Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x3a]),
  });
  assert.ok(badJson.statusCode >= 400 && badJson.statusCode < 500, `got ${badJson.statusCode}`);
});
