/**
 * The server's part in "nothing typed is lost when a session ends" (issue 29, finding 2): a page
 * asks for its session's current CSRF token after signing in again elsewhere, and signing in
 * goes back to the exact form a signed-out person tried to send. The browser's part is in
 * browser/session-timeout.browser.ts.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { testAppPerFile } from '../../../test/helpers/app.js';
import * as accounts from '../../../test/helpers/accounts.js';
import { parseHtml, textOf } from '../../../test/helpers/html.js';

const { cookieHeader, createCouncilWithChild, csrfTokenIn, signIn, TEST_PASSWORD } = accounts;

const TOKEN_URL = '/api/v1/session/csrf-token';

describe('after a session ends mid-form', () => {
  const kith = testAppPerFile();

  test('a page asks for its new session’s CSRF token, which then saves its draft', async () => {
    const { practitioner, childId } = await createCouncilWithChild(kith.database);
    const first = await signIn(kith.app, practitioner.email);
    const form = await kith.app.inject({ url: `/children/${childId}/visits/new`, headers: cookieHeader(first) });
    const staleToken = csrfTokenIn(form.body);
    const attributes = parseHtml(form.body).querySelector('form[data-draft-url]')!.attributes;
    assert.equal(attributes['data-draft-owner'], practitioner.userId, 'the form says whose text it holds');
    assert.equal(attributes['data-session-token-url'], TOKEN_URL);

    // Signed in again (another tab): a new session, and the page's token no longer fits it.
    const second = await signIn(kith.app, practitioner.email);
    const draftUrl = `/api/v1/children/${childId}/drafts/visit-new`;
    const put = (token: string) =>
      kith.app.inject({
        method: 'PUT',
        url: draftUrl,
        headers: { ...cookieHeader(second), 'x-csrf-token': token },
        payload: { content: { seenHeardFelt: 'Typed after the session ended' }, expectedVersion: 0 },
      });
    assert.equal((await put(staleToken)).statusCode, 403);

    const answer = await kith.app.inject({ url: TOKEN_URL, headers: cookieHeader(second) });
    assert.equal(answer.statusCode, 200);
    assert.equal(answer.headers['cache-control'], 'no-store');
    const { csrfToken, account, idleExpiresAt } = answer.json<{
      csrfToken: string;
      account: string;
      idleExpiresAt: string;
    }>();
    assert.equal(account, practitioner.userId);
    assert.ok(Date.parse(idleExpiresAt) > Date.now());
    assert.notEqual(csrfToken, staleToken);
    assert.equal((await put(csrfToken)).statusCode, 200, 'the new token saves the draft');
  });

  test('signed out, the token is not given: 401 as a problem, never a redirect', async () => {
    const answer = await kith.app.inject({ url: TOKEN_URL });
    assert.equal(answer.statusCode, 401);
    assert.match(String(answer.headers['content-type']), /application\/problem\+json/);
    const ended = await kith.app.inject({ url: TOKEN_URL, headers: cookieHeader('not-a-session') });
    assert.equal(ended.statusCode, 401);
  });

  test('a form sent after the session ended: signing in goes back to that form', async () => {
    const { practitioner, childId } = await createCouncilWithChild(kith.database);
    const formPath = `/children/${childId}/visits/new`;
    const sent = await kith.app.inject({
      method: 'POST',
      url: formPath,
      payload: { seenHeardFelt: 'Typed while signed out' },
    });
    assert.equal(sent.statusCode, 303);
    assert.equal(sent.headers.location, '/sign-in');

    // The browser follows the redirect and still names the page the form was on.
    const page = await kith.app.inject({
      url: '/sign-in',
      headers: { host: 'kith.example', referer: `http://kith.example${formPath}` },
    });
    const returnTo = parseHtml(page.body).querySelector('input[name="returnTo"]')?.getAttribute('value');
    assert.equal(returnTo, formPath);
    const signedIn = await kith.app.inject({
      method: 'POST',
      url: '/sign-in',
      payload: { email: practitioner.email, password: TEST_PASSWORD, returnTo },
    });
    assert.equal(signedIn.statusCode, 303);
    assert.equal(signedIn.headers.location, formPath);
  });

  test('only a Kith page is gone back to: not another site, not signing in or out', async () => {
    const returnToFor = async (headers: Record<string, string>, query = '') => {
      const page = await kith.app.inject({ url: `/sign-in${query}`, headers: { host: 'kith.example', ...headers } });
      assert.equal(page.statusCode, 200);
      return parseHtml(page.body).querySelector('input[name="returnTo"]')?.getAttribute('value') ?? '';
    };
    assert.equal(await returnToFor({ referer: 'https://elsewhere.example/children/1/visits/new' }), '');
    assert.equal(await returnToFor({ referer: 'http://kith.example/sign-in?returnTo=%2Fcaseload' }), '');
    assert.equal(await returnToFor({ referer: 'http://kith.example/sign-in/two-factor' }), '');
    assert.equal(await returnToFor({ referer: 'http://kith.example/sign-out' }), '');
    assert.equal(await returnToFor({ referer: 'not a url' }), '');
    assert.equal(await returnToFor({ referer: 'http://kith.example//elsewhere.example' }), '');
    assert.equal(await returnToFor({ referer: 'http://kith.example/caseload' }, '?signedOut=1'), '');
    assert.equal(
      await returnToFor({ referer: 'http://kith.example/caseload' }, '?returnTo=%2Fsearch'),
      '/search',
      'a named page comes first',
    );
  });

  test('a page that kept what was typed in the browser: the sign-in page says so', async () => {
    const page = await kith.app.inject({ url: '/sign-in?returnTo=%2Fchildren%2Fx%2Fvisits%2Fnew&kept=1' });
    assert.match(textOf(page.body, '.govuk-notification-banner') ?? '', /kept in this browser/);
    const plain = await kith.app.inject({ url: '/sign-in?kept=1' });
    assert.equal(textOf(plain.body, '.govuk-notification-banner'), null, 'nothing to go back to, nothing said');
  });
});
