import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import Fastify from 'fastify';
import { buildTestApp, type TestApp } from '../test/helpers/app.js';
import { MissingAccessDeclarationError, requireAccessDeclaration } from './platform/access/route-access.js';

describe('the application shell', () => {
  let kith: TestApp;
  before(async () => {
    kith = await buildTestApp();
  });
  after(() => kith.close());

  test('health: live and ready (the database answers)', async () => {
    const live = await kith.app.inject({ url: '/health/live' });
    assert.equal(live.statusCode, 200);
    assert.deepEqual(live.json(), { status: 'ok' });
    const ready = await kith.app.inject({ url: '/health/ready' });
    assert.equal(ready.statusCode, 200);
    assert.deepEqual(ready.json(), { status: 'ok', database: 'ok' });
  });

  test('the start page renders in the GOV.UK shell with a skip link, service name and footer', async () => {
    const response = await kith.app.inject({ url: '/' });
    assert.equal(response.statusCode, 200);
    assert.match(response.headers['content-type'] as string, /text\/html/);
    assert.match(response.body, /<title>Kith – Kith<\/title>|<title>Kith/);
    assert.match(response.body, /href="#main-content"[^>]*>Skip to main content/);
    assert.match(response.body, /govuk-service-navigation/);
    assert.match(response.body, /govuk-phase-banner/);
    assert.match(response.body, /govuk-footer/);
    assert.match(response.body, /<main[^>]*id="main-content"/);
  });

  test('strict security headers: a CSP without unsafe-inline whose nonce matches the inline script', async () => {
    const response = await kith.app.inject({ url: '/' });
    const csp = response.headers['content-security-policy'] as string;
    assert.ok(csp, 'CSP header present');
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.match(csp, /object-src 'none'/);
    const nonce = /script-src 'self' 'nonce-([^']+)'/.exec(csp)?.[1];
    assert.ok(nonce, 'script nonce in CSP');
    assert.match(response.body, new RegExp(`<script nonce="${nonce}">document\\.body\\.className`));
    assert.equal(response.headers['x-content-type-options'], 'nosniff');
    assert.equal(response.headers['x-frame-options'], 'DENY');
    assert.equal(response.headers['cache-control'], 'no-store');
    assert.equal(response.headers['strict-transport-security'], undefined, 'no HSTS over plain HTTP');
    assert.ok(response.headers['x-request-id']);
  });

  test('a new nonce on every response', async () => {
    const first = (await kith.app.inject({ url: '/' })).headers['content-security-policy'];
    const second = (await kith.app.inject({ url: '/' })).headers['content-security-policy'];
    assert.notEqual(first, second);
  });

  test('assets are served by the app itself with long-cache headers', async () => {
    const page = await kith.app.inject({ url: '/' });
    const stylesheet = /<link rel="stylesheet" href="([^"]+)"/.exec(page.body)?.[1];
    const script = /<script type="module" src="([^"]+)"/.exec(page.body)?.[1];
    assert.ok(stylesheet && script);
    for (const url of [stylesheet, script]) {
      const asset = await kith.app.inject({ url });
      assert.equal(asset.statusCode, 200, url);
      assert.equal(asset.headers['cache-control'], 'public, max-age=31536000, immutable');
    }
    const css = (await kith.app.inject({ url: stylesheet })).body;
    assert.doesNotMatch(css, /url\(\/assets\/(fonts|images)/, 'every CSS asset URL points at a hashed, served file');
    assert.doesNotMatch(css, /GDS Transport/, 'the GOV.UK-only typeface is not used');
    const icon = /<link rel="icon" sizes="48x48" href="([^"]+)"/.exec(page.body)?.[1];
    assert.ok(icon);
    const favicon = await kith.app.inject({ url: icon });
    assert.equal(favicon.statusCode, 200);
  });

  test('asset routes refuse paths that climb out of their folder', async () => {
    for (const url of ['/assets/build/..%2F..%2Fpackage.json', '/assets/build/%2e%2e%2fmanifest.json']) {
      const response = await kith.app.inject({ url });
      assert.equal(response.statusCode, 404, url);
    }
  });

  test('an unknown page gets a GOV.UK-styled 404 page', async () => {
    const response = await kith.app.inject({ url: '/no-such-page' });
    assert.equal(response.statusCode, 404);
    assert.match(response.body, /<h1 class="govuk-heading-l">Page not found<\/h1>/);
    assert.match(response.body, /If you typed the web address, check it is correct/);
  });

  test('an unknown API address gets RFC 9457 problem details', async () => {
    const response = await kith.app.inject({ url: '/api/v1/no-such-thing' });
    assert.equal(response.statusCode, 404);
    assert.match(response.headers['content-type'] as string, /^application\/problem\+json/);
    const body = response.json();
    assert.equal(body.status, 404);
    assert.equal(body.title, 'Not found');
    assert.equal(body.type, 'about:blank');
    assert.equal(body.requestId, response.headers['x-request-id']);
  });

  test('the OpenAPI document is served and lists the API, not the pages', async () => {
    const response = await kith.app.inject({ url: '/api/docs/json' });
    assert.equal(response.statusCode, 200);
    const document = response.json();
    assert.equal(document.openapi, '3.1.0');
    assert.equal(document.info.title, 'Kith API');
    assert.ok(document.paths['/health/ready']);
    assert.equal(document.paths['/'], undefined);
    assert.equal(document.paths['/accessibility'], undefined);
    const page = await kith.app.inject({ url: '/api/docs' });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /\/health\/ready/);
  });

  test('every registered route declares its access', () => {
    assert.ok(kith.routes.length >= 6);
    for (const route of kith.routes) assert.ok(route.access, `${route.method} ${route.url}`);
  });
});

test('a route that does not declare its access stops the app from starting', async () => {
  const app = Fastify();
  requireAccessDeclaration(app);
  assert.throws(() => app.get('/forgotten', async () => 'hello'), MissingAccessDeclarationError);
  await app.close();
});
