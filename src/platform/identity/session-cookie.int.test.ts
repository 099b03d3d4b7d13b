/**
 * The session cookie carries `Secure` whenever the request came over TLS, which behind a
 * proxy means: Kith trusts the proxy (KITH_TRUST_PROXY) and the proxy said `https`. Over plain
 * HTTP (a workstation) it must not, or the browser would never send it back.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildApp } from '../../app.js';
import type { Database } from '../db/database.js';
import { createTestAccount, TEST_PASSWORD } from '../../../test/helpers/accounts.js';
import { TEST_SESSION_SECRET } from '../../../test/helpers/app.js';
import { createTestCouncil, openTestDatabase } from '../../../test/helpers/database.js';

const overTls = { 'x-forwarded-proto': 'https' };

describe('the session cookie’s Secure flag', () => {
  let database: Database;
  let behindProxy: Awaited<ReturnType<typeof buildApp>>['app'];
  let direct: Awaited<ReturnType<typeof buildApp>>['app'];
  let email: string;

  before(async () => {
    database = await openTestDatabase();
    const options = {
      database,
      logLevel: 'silent',
      sessionSecret: TEST_SESSION_SECRET,
      sessionPolicy: { idleMinutes: 30, absoluteHours: 12 },
    };
    behindProxy = (await buildApp({ ...options, trustProxy: true })).app;
    direct = (await buildApp({ ...options, trustProxy: false })).app;
    const council = await createTestCouncil(database, 'Council behind a proxy');
    ({ email } = await createTestAccount(database, council.id, { roles: ['practitioner'] }));
  });
  after(async () => {
    await behindProxy.close();
    await direct.close();
    await database.close();
  });

  const signIn = (app: typeof direct, headers: Record<string, string>) =>
    app.inject({ method: 'POST', url: '/sign-in', headers, payload: { email, password: TEST_PASSWORD } });
  const sessionCookie = (response: Awaited<ReturnType<typeof signIn>>) =>
    response.cookies.find((cookie) => cookie.name === 'kith_session');

  test('behind a trusted proxy that says https: Secure, HttpOnly, SameSite=Lax', async () => {
    const response = await signIn(behindProxy, overTls);
    assert.equal(response.statusCode, 303);
    const cookie = sessionCookie(response);
    assert.ok(cookie, 'a session cookie is set');
    assert.equal(cookie.secure, true);
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Lax');
    assert.equal(cookie.path, '/');
  });

  test('behind a trusted proxy over plain http: not Secure', async () => {
    const cookie = sessionCookie(await signIn(behindProxy, { 'x-forwarded-proto': 'http' }));
    assert.ok(cookie);
    assert.notEqual(cookie.secure, true);
    assert.equal(cookie.httpOnly, true);
  });

  test('straight to Kith over http: not Secure, and a client’s own X-Forwarded-Proto is not believed', async () => {
    const plain = sessionCookie(await signIn(direct, {}));
    assert.ok(plain);
    assert.notEqual(plain.secure, true);
    const claimed = sessionCookie(await signIn(direct, overTls));
    assert.ok(claimed);
    assert.notEqual(claimed.secure, true);
  });

  test('the cookie is cleared with the same flags (Secure over TLS), so the browser drops it', async () => {
    const stale = `kith_session=${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}.${'a'.repeat(43)}`;
    const response = await behindProxy.inject({ url: '/caseload', headers: { ...overTls, cookie: stale } });
    const cleared = sessionCookie(response);
    assert.ok(cleared, 'the unknown session’s cookie is cleared');
    assert.equal(cleared.value, '');
    assert.equal(cleared.secure, true);
    const overHttp = sessionCookie(await direct.inject({ url: '/caseload', headers: { cookie: stale } }));
    assert.ok(overHttp);
    assert.notEqual(overHttp.secure, true);
  });
});
