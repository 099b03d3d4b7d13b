/**
 * Sign-in protection through the pages (Kith issue 29, findings 3 and 8): the half-signed-in
 * session runs out and is ended by wrong codes, and administrators see the security events.
 * The throttle's numbers are tested without sleeping in src/platform/identity/sign-in-throttling.int.test.ts.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { testAppPerFile } from '../../../test/helpers/app.js';
import { createTestCouncil } from '../../../test/helpers/database.js';
import * as accounts from '../../../test/helpers/accounts.js';
import { postForm } from '../../../test/helpers/forms.js';
import { parseHtml, readableText, textOf } from '../../../test/helpers/html.js';
import { totpCode } from '../../platform/auth/totp.js';
import { rowsOf, withTenant } from '../../platform/db/tenancy.js';
import { signInWithPassword } from '../../platform/identity/sign-in.js';

const { cookieHeader, createTestAccount, csrfTokenIn, sessionCookieFrom, signInWithCode, TEST_TOTP_SECRET } = accounts;

const policy = { idleMinutes: 30, absoluteHours: 12 };

describe('sign-in protection', () => {
  const kith = testAppPerFile();

  /** A council with a team manager, who signs in with a security code. */
  async function managerWithCode() {
    const council = await createTestCouncil(kith.database);
    const manager = await createTestAccount(kith.database, council.id, {
      roles: ['team_manager'],
      totpSecret: TEST_TOTP_SECRET,
    });
    return { council, ...manager };
  }

  /** The password step through the page: the half-signed-in session's cookie and its code page. */
  async function halfSignIn(email: string) {
    const passwordStep = await accounts.sendPassword(kith.app, email);
    assert.equal(passwordStep.headers.location, '/sign-in/two-factor');
    const pending = sessionCookieFrom(passwordStep)!;
    const codePage = await kith.app.inject({ url: '/sign-in/two-factor', headers: cookieHeader(pending) });
    const sendCode = (code: string) =>
      postForm(kith.app, pending, '/sign-in/two-factor', { _csrf: csrfTokenIn(codePage.body), code });
    return { pending, sendCode };
  }

  test('a code entered more than 5 minutes after the password is refused: sign in again, says the page', async () => {
    const { council, email, userId } = await managerWithCode();
    const { sendCode } = await halfSignIn(email);
    // Six minutes pass (the session's own expiry is left alone: the code step checks its age too).
    await withTenant(kith.database.orm, council.id, (tx) =>
      tx.execute(sql`update sessions set created_at = created_at - interval '6 minutes' where user_id = ${userId}`),
    );
    const late = await sendCode(totpCode(TEST_TOTP_SECRET, Date.now()));
    assert.equal(late.statusCode, 303);
    assert.equal(late.headers.location, '/sign-in?secondStep=timed_out');
    assert.equal(sessionCookieFrom(late), '', 'the cookie is cleared');
    const page = await kith.app.inject({ url: late.headers.location });
    assert.equal(
      textOf(page.body, '.govuk-notification-banner__content'),
      'You took more than 5 minutes to enter your security code. Sign in again.',
    );
  });

  test('a half-signed-in session past its expiry is over before any code is sent', async () => {
    const { council, email, userId } = await managerWithCode();
    const { pending } = await halfSignIn(email);
    const [lifetime] = await withTenant(kith.database.orm, council.id, async (tx) =>
      rowsOf<{ seconds: number }>(
        await tx.execute(
          sql`select extract(epoch from expires_at - created_at)::int as seconds from sessions where user_id = ${userId}`,
        ),
      ),
    );
    assert.equal(lifetime?.seconds, 300, 'a half-signed-in session lasts 5 minutes');
    await withTenant(kith.database.orm, council.id, (tx) =>
      tx.execute(sql`update sessions set expires_at = now() - interval '1 second' where user_id = ${userId}`),
    );
    const codePage = await kith.app.inject({ url: '/sign-in/two-factor', headers: cookieHeader(pending) });
    assert.equal(codePage.statusCode, 303);
    assert.match(codePage.headers.location ?? '', /^\/sign-in/);
  });

  test('five wrong codes end the half-signed-in session; the right code after them opens nothing', async () => {
    const { email } = await managerWithCode();
    const { pending, sendCode } = await halfSignIn(email);
    const right = () => totpCode(TEST_TOTP_SECRET, Date.now());
    const wrong = () => (right() === '000000' ? '111111' : '000000');
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      const refused = await sendCode(wrong());
      assert.equal(refused.statusCode, 400, `wrong code ${attempt}`);
      assert.equal(sessionCookieFrom(refused), undefined);
    }
    const fifth = await sendCode(wrong()); // waits a second: four failures already
    assert.equal(fifth.statusCode, 303);
    assert.equal(fifth.headers.location, '/sign-in?secondStep=too_many_codes');
    const afterwards = await sendCode(right());
    assert.equal(afterwards.statusCode, 303);
    assert.match(afterwards.headers.location ?? '', /^\/sign-in/);
    assert.equal((await kith.app.inject({ url: '/caseload', headers: cookieHeader(pending) })).statusCode, 303);
  });

  test('an administrator sees the council’s security events: an account locked, an address slowed down', async () => {
    const council = await createTestCouncil(kith.database, 'Security events council');
    const admin = await createTestAccount(kith.database, council.id, {
      roles: ['council_administrator'],
      totpSecret: TEST_TOTP_SECRET,
    });
    const attacked = await createTestAccount(kith.database, council.id, { roles: ['practitioner'] });
    const others = await Promise.all(
      [0, 1].map(() => createTestAccount(kith.database, council.id, { roles: ['practitioner'] })),
    );
    // 10 wrong passwords for one account and 5 each for two more, from one address: 20 in all.
    // The test's clock skips the delays instead of waiting them out.
    let nowMs = Date.now();
    const clock = { now: () => new Date(nowMs), sleep: async (ms: number) => void (nowMs += ms) };
    const source = { ip: '203.0.113.77', userAgent: 'test', requestId: 'r' };
    const tries = [
      ...Array<string>(10).fill(attacked.email),
      ...others.flatMap((other) => Array<string>(5).fill(other.email)),
    ];
    for (const [index, email] of tries.entries()) {
      await signInWithPassword(kith.database, { email, password: `guess-${index}` }, source, policy, clock);
    }

    const cookie = await signInWithCode(kith.app, admin.email, TEST_TOTP_SECRET);
    const page = parseHtml((await kith.app.inject({ url: '/admin/users', headers: cookieHeader(cookie) })).body);
    assert.equal(textOf(page, '#security-events'), 'Security events');
    const rows = page
      .querySelectorAll('.app-security-events tbody tr')
      .map((row) => row.querySelectorAll('td').map(readableText));
    assert.equal(rows.length, 2);
    const [slowed, locked] = rows;
    assert.equal(slowed?.[1], 'Network address slowed down');
    assert.equal(slowed?.[3], '203.0.113.77');
    assert.match(
      slowed?.[4] ?? '',
      /^20 failed sign-ins from this address in 15 minutes\. Each try from it now waits 1 second;/,
    );
    assert.equal(locked?.[1], 'Account locked');
    assert.equal(locked?.[2], `Test practitioner (${attacked.email})`);
    assert.equal(locked?.[3], '203.0.113.77');
    assert.match(
      locked?.[4] ?? '',
      /^10 failed tries in 15 minutes\. No one can sign in to it until \d+ \w+ \d{4} at \d\d:\d\d\.$/,
    );
  });

  test('with no security events, the administrator is told there have been none', async () => {
    const council = await createTestCouncil(kith.database);
    const admin = await createTestAccount(kith.database, council.id, {
      roles: ['council_administrator'],
      totpSecret: TEST_TOTP_SECRET,
    });
    const cookie = await signInWithCode(kith.app, admin.email, TEST_TOTP_SECRET);
    const page = parseHtml((await kith.app.inject({ url: '/admin/users', headers: cookieHeader(cookie) })).body);
    assert.equal(textOf(page, '#no-security-events'), 'There have been none in the last 7 days.');
  });
});
