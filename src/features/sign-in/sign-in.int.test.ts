import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { buildTestApp, testAppPerFile } from '../../../test/helpers/app.js';
import { createTestCouncil } from '../../../test/helpers/database.js';
import * as accounts from '../../../test/helpers/accounts.js';
import { postForm } from '../../../test/helpers/forms.js';
import { withTenant } from '../../platform/db/tenancy.js';
import { searchAuditLog } from '../../platform/audit/audit-log.js';
import { totpCode } from '../../platform/auth/totp.js';

const { cookieHeader, createCouncilWithChild, createTestAccount, csrfTokenIn, sessionCookieFrom, signIn } = accounts;

describe('signing in and out', () => {
  const kith = testAppPerFile();

  test('a practitioner signs in and sees the children allocated to them', async () => {
    const { practitioner } = await createCouncilWithChild(kith.database);
    const cookie = await signIn(kith.app, practitioner.email);
    const caseload = await kith.app.inject({ url: '/caseload', headers: cookieHeader(cookie) });
    assert.equal(caseload.statusCode, 200);
    assert.match(caseload.body, /Robin Test/);
    assert.match(caseload.body, /Test practitioner/, 'the signed-in name is in the header');
    const cookieAttributes = (await accounts.sendPassword(kith.app, practitioner.email)).cookies[0]!;
    assert.equal(cookieAttributes.httpOnly, true);
    assert.equal(cookieAttributes.sameSite, 'Lax');
  });

  test('wrong password, unknown address: the same message, nothing saved, the email kept on the page', async () => {
    const council = await createTestCouncil(kith.database);
    const { email } = await createTestAccount(kith.database, council.id, { roles: ['practitioner'] });
    const wrong = await accounts.sendPassword(kith.app, email, 'not-the-password');
    const unknown = await accounts.sendPassword(kith.app, 'nobody@nowhere.example', 'whatever-it-is');
    for (const response of [wrong, unknown]) {
      assert.equal(response.statusCode, 400);
      assert.equal(sessionCookieFrom(response), undefined);
      assert.match(response.body, /<title>Error: Sign in to Kith/);
      assert.match(response.body, /Enter a correct email address and password/);
    }
    assert.match(wrong.body, new RegExp(`value="${email.replace('.', '\\.')}"`));
    const failures = await withTenant(kith.database.orm, council.id, (tx) =>
      searchAuditLog(tx, council.id, { action: 'sign_in.failed' }),
    );
    assert.equal(failures.entries.length, 1);
  });

  test('empty fields get GOV.UK error messages linked from the summary', async () => {
    const response = await kith.app.inject({ method: 'POST', url: '/sign-in', payload: { email: '', password: '' } });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /govuk-error-summary/);
    assert.match(response.body, /href="#email">Enter your email address/);
    assert.match(response.body, /href="#password">Enter your password/);
  });

  test('after ten failures the account is locked, even for the right password', async () => {
    const council = await createTestCouncil(kith.database);
    const { email } = await createTestAccount(kith.database, council.id, { roles: ['practitioner'] });
    await withTenant(kith.database.orm, council.id, (tx) =>
      tx.execute(
        // Ten recent failures, as if they had just happened (without waiting out the delays).
        sql`insert into sign_in_failures (tenant_id, user_id, source_ip, failed_at)
          select ${council.id}, id, '10.9.9.9', now() - interval '1 minute' from users, generate_series(1, 10) where email = ${email}`,
      ),
    );
    const refused = await accounts.sendPassword(kith.app, email);
    assert.equal(refused.statusCode, 400);
    assert.equal(sessionCookieFrom(refused), undefined);
    const locked = await withTenant(kith.database.orm, council.id, (tx) =>
      searchAuditLog(tx, council.id, { action: 'sign_in.refused_while_locked' }),
    );
    assert.equal(locked.entries.length, 1);
  });

  test('signing in always issues a new session id (no fixation)', async () => {
    const { practitioner } = await createCouncilWithChild(kith.database);
    const first = await signIn(kith.app, practitioner.email);
    const planted = await kith.app.inject({
      method: 'POST',
      url: '/sign-in',
      payload: { email: practitioner.email, password: accounts.TEST_PASSWORD },
      headers: cookieHeader(first),
    });
    const second = sessionCookieFrom(planted);
    assert.ok(second);
    assert.notEqual(second, first);
  });

  test('an idle session ends, and the sign-in page says why', async () => {
    const shortLived = await buildTestApp({ idleMinutes: 0.01, absoluteHours: 12 });
    try {
      const { practitioner } = await createCouncilWithChild(shortLived.database);
      const cookie = await signIn(shortLived.app, practitioner.email);
      await new Promise((resolve) => setTimeout(resolve, 900));
      const afterIdle = await shortLived.app.inject({ url: '/caseload', headers: cookieHeader(cookie) });
      assert.equal(afterIdle.statusCode, 303);
      assert.equal(afterIdle.headers.location, '/sign-in?returnTo=%2Fcaseload');
      const page = await shortLived.app.inject({ url: '/sign-in', headers: cookieHeader(cookie) });
      assert.match(page.body, /not used for a while/);
    } finally {
      await shortLived.close();
    }
  });

  test('state-changing requests without the CSRF token are refused', async () => {
    const { practitioner } = await createCouncilWithChild(kith.database);
    const cookie = await signIn(kith.app, practitioner.email);
    const noToken = await kith.app.inject({ method: 'POST', url: '/sign-out', headers: cookieHeader(cookie) });
    assert.equal(noToken.statusCode, 403);
    const wrongToken = await postForm(kith.app, cookie, '/sign-out', { _csrf: 'forged' });
    assert.equal(wrongToken.statusCode, 403);
    const stillSignedIn = await kith.app.inject({ url: '/caseload', headers: cookieHeader(cookie) });
    assert.equal(stillSignedIn.statusCode, 200);
    const signedOut = await postForm(kith.app, cookie, '/sign-out', { _csrf: csrfTokenIn(stillSignedIn.body) });
    assert.equal(signedOut.statusCode, 303);
    const afterwards = await kith.app.inject({ url: '/caseload', headers: cookieHeader(cookie) });
    assert.equal(afterwards.statusCode, 303, 'the old session no longer works');
  });

  test('sign out everywhere ends every session of that person', async () => {
    const { practitioner } = await createCouncilWithChild(kith.database);
    const laptop = await signIn(kith.app, practitioner.email);
    const phone = await signIn(kith.app, practitioner.email);
    const page = await kith.app.inject({ url: '/caseload', headers: cookieHeader(laptop) });
    await postForm(kith.app, laptop, '/sign-out/everywhere', { _csrf: csrfTokenIn(page.body) });
    assert.equal((await kith.app.inject({ url: '/caseload', headers: cookieHeader(phone) })).statusCode, 303);
  });

  test('two-factor: the password alone opens nothing; a code completes sign-in with a new session id', async () => {
    const council = await createTestCouncil(kith.database);
    const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
    const { email } = await createTestAccount(kith.database, council.id, {
      roles: ['team_manager'],
      totpSecret: secret,
    });
    const passwordStep = await accounts.sendPassword(kith.app, email);
    assert.equal(passwordStep.headers.location, '/sign-in/two-factor');
    const pending = sessionCookieFrom(passwordStep)!;
    assert.equal(
      (await kith.app.inject({ url: '/caseload', headers: cookieHeader(pending) })).headers.location,
      '/sign-in/two-factor',
    );
    const codePage = await kith.app.inject({ url: '/sign-in/two-factor', headers: cookieHeader(pending) });
    assert.match(codePage.body, /Enter your security code/);
    const wrong = await postForm(kith.app, pending, '/sign-in/two-factor', {
      _csrf: csrfTokenIn(codePage.body),
      code: '000000',
    });
    assert.equal(wrong.statusCode, 400);
    const right = await postForm(kith.app, pending, '/sign-in/two-factor', {
      _csrf: csrfTokenIn(codePage.body),
      code: totpCode(secret, Date.now()),
    });
    assert.equal(right.statusCode, 303);
    const full = sessionCookieFrom(right)!;
    assert.notEqual(full, pending);
    assert.equal((await kith.app.inject({ url: '/caseload', headers: cookieHeader(full) })).statusCode, 200);
    assert.equal(
      (await kith.app.inject({ url: '/caseload', headers: cookieHeader(pending) })).statusCode,
      303,
      'the pre-2FA token is dead',
    );
  });

  test('a manager without two-factor must set it up, and gets recovery codes once', async () => {
    const council = await createTestCouncil(kith.database);
    const { email } = await createTestAccount(kith.database, council.id, { roles: ['team_manager'] });
    const pending = sessionCookieFrom(await accounts.sendPassword(kith.app, email))!;
    const setUp = await kith.app.inject({ url: '/sign-in/two-factor', headers: cookieHeader(pending) });
    assert.match(setUp.body, /Set up two-factor sign-in/);
    const secret = /id="secret-key">([A-Z2-7 ]+)</.exec(setUp.body)![1]!.replace(/ /g, '');
    const done = await postForm(kith.app, pending, '/sign-in/two-factor', {
      _csrf: csrfTokenIn(setUp.body),
      code: totpCode(secret, Date.now()),
    });
    assert.equal(done.statusCode, 200);
    assert.match(done.body, /Save your recovery codes/);
    assert.equal((done.body.match(/<li><code>[a-z0-9-]{14}<\/code><\/li>/g) ?? []).length, 10);
  });
});

describe('opening a child’s record', () => {
  const kith = testAppPerFile();

  test('the allocated worker opens it, and the look is on the record', async () => {
    const { council, practitioner, childId } = await createCouncilWithChild(kith.database);
    const cookie = await signIn(kith.app, practitioner.email);
    const page = await kith.app.inject({ url: `/children/${childId}`, headers: cookieHeader(cookie) });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1 class="govuk-heading-l">Robin Test/);
    const seen = await withTenant(kith.database.orm, council.id, (tx) =>
      searchAuditLog(tx, council.id, { childPersonId: childId }),
    );
    assert.equal(seen.entries[0]?.action, 'child_record.view');
    assert.equal(seen.entries[0]?.outcome, 'allowed');
    assert.equal(seen.entries[0]?.actorUserId, practitioner.userId);
  });

  test('another council’s child, and a child not allocated to me, look exactly like no record at all, and are audited', async () => {
    const mine = await createCouncilWithChild(kith.database);
    const theirs = await createCouncilWithChild(kith.database);
    const colleague = await createTestAccount(kith.database, mine.council.id, { roles: ['practitioner'] });
    const cookie = await signIn(kith.app, colleague.email);
    const missing = await kith.app.inject({
      url: '/children/00000000-0000-4000-8000-000000000000',
      headers: cookieHeader(cookie),
    });
    const otherCouncil = await kith.app.inject({ url: `/children/${theirs.childId}`, headers: cookieHeader(cookie) });
    const notAllocated = await kith.app.inject({ url: `/children/${mine.childId}`, headers: cookieHeader(cookie) });
    for (const response of [missing, otherCouncil, notAllocated]) {
      assert.equal(response.statusCode, 404);
      assert.match(response.body, /Page not found/);
    }
    const denials = await withTenant(kith.database.orm, mine.council.id, (tx) =>
      searchAuditLog(tx, mine.council.id, { actorUserId: colleague.userId, outcome: 'denied' }),
    );
    assert.equal(denials.entries.length, 3);
    assert.deepEqual(denials.entries.map((entry) => entry.details.reason).sort(), [
      'no_relationship',
      'no_such_record',
      'no_such_record',
    ]);
  });

  test('an administrator has no caseload and cannot open children’s records by role alone', async () => {
    const { council, childId } = await createCouncilWithChild(kith.database);
    const admin = await createTestAccount(kith.database, council.id, {
      roles: ['council_administrator'],
      totpSecret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
    });
    const full = await accounts.signInWithCode(kith.app, admin.email, 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP');
    assert.equal((await kith.app.inject({ url: '/caseload', headers: cookieHeader(full) })).statusCode, 403);
    assert.equal((await kith.app.inject({ url: `/children/${childId}`, headers: cookieHeader(full) })).statusCode, 403);
  });
});
