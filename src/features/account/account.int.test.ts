import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testAppPerFile } from '../../../test/helpers/app.js';
import * as accounts from '../../../test/helpers/accounts.js';
import { postForm } from '../../../test/helpers/forms.js';
import { withTenant } from '../../platform/db/tenancy.js';
import { searchAuditLog } from '../../platform/audit/audit-log.js';
import { totpCode } from '../../platform/auth/totp.js';
import { issueAccessToken } from '../../platform/identity/access-tokens.js';
import { and, eq } from 'drizzle-orm';
import { users } from '../../platform/identity/schema.js';

const { cookieHeader, createCouncilWithChild, csrfTokenIn, signIn } = accounts;

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const kith = testAppPerFile();

async function makeTokenThroughThePage(cookie: string, scopes: string[], name = 'Monthly report') {
  const form = await kith.app.inject({ url: '/account/tokens/new', headers: cookieHeader(cookie) });
  assert.equal(form.statusCode, 200);
  return postForm(kith.app, cookie, '/account/tokens/new', { _csrf: csrfTokenIn(form.body), name, scopes, days: '30' });
}
const tokenIn = (html: string) => /id="access-token">([^<]+)</.exec(html)?.[1] ?? '';

test('a practitioner makes a token once, and an integration reads their caseload and a child with it, on the record', async () => {
  const { council, practitioner, childId } = await createCouncilWithChild(kith.database);
  const cookie = await signIn(kith.app, practitioner.email);
  const made = await makeTokenThroughThePage(cookie, ['caseload:read', 'child_records:read']);
  assert.equal(made.statusCode, 201);
  assert.equal(made.headers['cache-control'], 'no-store');
  const token = tokenIn(made.body);
  assert.match(token, /^kith_pat_/);

  const account = await kith.app.inject({ url: '/account', headers: cookieHeader(cookie) });
  assert.match(account.body, /Monthly report/);
  assert.doesNotMatch(account.body, new RegExp(token), 'the token is never shown again');

  // No cookie and no CSRF token: the bearer token is the whole credential.
  const me = await kith.app.inject({ url: '/api/v1/me', headers: bearer(token) });
  assert.equal(me.statusCode, 200);
  assert.equal(me.json().email, practitioner.email);
  assert.deepEqual(me.json().tokenScopes, ['caseload:read', 'child_records:read']);
  const caseload = await kith.app.inject({ url: '/api/v1/children', headers: bearer(token) });
  assert.equal(caseload.statusCode, 200);
  const listed = caseload.json<{ children: { id: string }[] }>().children;
  assert.deepEqual(
    listed.map((child) => child.id),
    [childId],
  );
  const child = await kith.app.inject({ url: `/api/v1/children/${childId}`, headers: bearer(token) });
  assert.equal(child.statusCode, 200);
  assert.equal(child.json().fullName, 'Robin Test');

  const log = await withTenant(kith.database.orm, council.id, async (tx) => ({
    views: await searchAuditLog(tx, council.id, { action: 'child_record.view' }),
    made: await searchAuditLog(tx, council.id, { action: 'account.access_token_created' }),
  }));
  assert.equal(log.views.entries.length, 1, 'the API read is on the record like a page view');
  assert.equal(log.views.entries[0]?.actorUserId, practitioner.userId);
  assert.equal(log.made.entries.length, 1);
  assert.doesNotMatch(JSON.stringify(log.made.entries[0]), new RegExp(token.slice(9)), 'no secret in the audit');
});

test('a token does only what its scopes say, never more than its owner may, and never opens pages', async () => {
  const { practitioner, childId } = await createCouncilWithChild(kith.database);
  const cookie = await signIn(kith.app, practitioner.email);
  const token = tokenIn((await makeTokenThroughThePage(cookie, ['caseload:read'])).body);
  assert.equal((await kith.app.inject({ url: '/api/v1/children', headers: bearer(token) })).statusCode, 200);
  const child = await kith.app.inject({ url: `/api/v1/children/${childId}`, headers: bearer(token) });
  assert.equal(child.statusCode, 403);
  assert.equal(child.headers['content-type'], 'application/problem+json; charset=utf-8');
  // Pages take no bearer tokens: they ask for a signed-in person.
  const page = await kith.app.inject({ url: '/caseload', headers: bearer(token) });
  assert.equal(page.statusCode, 303);
  assert.match(String(page.headers.location), /^\/sign-in/);

  // A practitioner cannot give a token audit powers they do not have.
  const refused = await makeTokenThroughThePage(cookie, ['audit:read'], 'Sneaky');
  assert.equal(refused.statusCode, 400);
  assert.match(refused.body, /A token can only do what your own roles allow/);
  assert.match(refused.body, /value="Sneaky"/, 'what was typed is kept');
  const account = await kith.app.inject({ url: '/account', headers: cookieHeader(cookie) });
  assert.doesNotMatch(account.body, /Sneaky/, 'nothing was made');
});

test('a token stops working when revoked, when it expires, when its owner is disabled, and when it is wrong', async () => {
  const { council, practitioner } = await createCouncilWithChild(kith.database);
  const cookie = await signIn(kith.app, practitioner.email);
  const token = tokenIn((await makeTokenThroughThePage(cookie, ['caseload:read'])).body);
  const account = await kith.app.inject({ url: '/account', headers: cookieHeader(cookie) });
  const revokeAction = /action="(\/account\/tokens\/[^"]+\/revoke)"/.exec(account.body)?.[1];
  assert.ok(revokeAction);
  const revoked = await postForm(kith.app, cookie, revokeAction, { _csrf: csrfTokenIn(account.body) });
  assert.equal(revoked.statusCode, 303);
  const afterRevoking = await kith.app.inject({ url: '/api/v1/children', headers: bearer(token) });
  assert.equal(afterRevoking.statusCode, 401);
  assert.equal(afterRevoking.headers['www-authenticate'], 'Bearer');

  const expired = await withTenant(kith.database.orm, council.id, (tx) =>
    issueAccessToken(tx, council.id, practitioner.userId, {
      name: 'Old',
      scopes: ['caseload:read'],
      days: 7,
      now: new Date(Date.now() - 8 * 86_400_000),
    }),
  );
  assert.equal((await kith.app.inject({ url: '/api/v1/me', headers: bearer(expired.token) })).statusCode, 401);

  const live = await withTenant(kith.database.orm, council.id, (tx) =>
    issueAccessToken(tx, council.id, practitioner.userId, { name: 'Live', scopes: ['caseload:read'], days: 7 }),
  );
  assert.equal((await kith.app.inject({ url: '/api/v1/me', headers: bearer(live.token) })).statusCode, 200);
  const tampered = `${live.token.slice(0, -2)}${live.token.endsWith('a') ? 'bb' : 'aa'}`;
  assert.equal((await kith.app.inject({ url: '/api/v1/me', headers: bearer(tampered) })).statusCode, 401);
  assert.equal((await kith.app.inject({ url: '/api/v1/me', headers: bearer('not-a-token') })).statusCode, 401);
  await withTenant(kith.database.orm, council.id, (tx) =>
    tx
      .update(users)
      .set({ isDisabled: true })
      .where(and(eq(users.tenantId, council.id), eq(users.id, practitioner.userId))),
  );
  assert.equal((await kith.app.inject({ url: '/api/v1/me', headers: bearer(live.token) })).statusCode, 401);
});

test('a token made in one council reads nothing of another council', async () => {
  const first = await createCouncilWithChild(kith.database);
  const second = await createCouncilWithChild(kith.database);
  const token = await withTenant(kith.database.orm, first.council.id, (tx) =>
    issueAccessToken(tx, first.council.id, first.practitioner.userId, {
      name: 'Report',
      scopes: ['caseload:read', 'child_records:read'],
      days: 7,
    }),
  );
  const other = await kith.app.inject({ url: `/api/v1/children/${second.childId}`, headers: bearer(token.token) });
  assert.equal(other.statusCode, 404);
});

test('family members cannot make tokens; anyone may turn on two-factor sign-in from their account', async () => {
  const { council, practitioner } = await createCouncilWithChild(kith.database);
  const family = await accounts.createFamilyAccount(kith.database, council.id, 'Sam Test');
  const familyCookie = await signIn(kith.app, family.email);
  const familyAccount = await kith.app.inject({ url: '/account', headers: cookieHeader(familyCookie) });
  assert.equal(familyAccount.statusCode, 200);
  assert.doesNotMatch(familyAccount.body, /Access tokens/);
  assert.equal(
    (await kith.app.inject({ url: '/account/tokens/new', headers: cookieHeader(familyCookie) })).statusCode,
    403,
  );

  const cookie = await signIn(kith.app, practitioner.email);
  const setUp = await kith.app.inject({ url: '/account/two-factor', headers: cookieHeader(cookie) });
  assert.equal(setUp.statusCode, 200);
  assert.equal(setUp.headers['cache-control'], 'no-store');
  const secret = /id="secret-key">([^<]+)</.exec(setUp.body)?.[1]?.replace(/\s/g, '') ?? '';
  assert.equal(secret.length, 32);
  const wrong = await postForm(kith.app, cookie, '/account/two-factor', {
    _csrf: csrfTokenIn(setUp.body),
    code: '000000' === totpCode(secret, Date.now()) ? '111111' : '000000',
  });
  assert.equal(wrong.statusCode, 400);
  assert.match(wrong.body, /That code did not work/);
  const right = await postForm(kith.app, cookie, '/account/two-factor', {
    _csrf: csrfTokenIn(setUp.body),
    code: totpCode(secret, Date.now()),
  });
  assert.equal(right.statusCode, 200);
  assert.match(right.body, /Save your recovery codes/);
  const account = await kith.app.inject({ url: '/account', headers: cookieHeader(cookie) });
  assert.match(account.body, /On\. 10 recovery codes left/);
  // Next sign-in asks for the code.
  const next = await accounts.sendPassword(kith.app, practitioner.email, 'test-river-candle-orbit');
  assert.equal(next.headers.location, '/sign-in/two-factor');
});
