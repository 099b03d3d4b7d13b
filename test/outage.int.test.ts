/**
 * Kith while its database is away, in one process and in a few seconds (the soak with real
 * processes, kills and load is `npm run test:outage`, test/outage.soak.ts):
 * - pages, the API and the readiness probe answer 503 with Retry-After, the page saying the
 *   record is safe, and all answer again by themselves once the database is back;
 * - the log of a write that failed because the database went away holds no parameter of it;
 * - two instances seeding the demo councils at once on a fresh database both succeed.
 * The outage is made by a loopback relay in front of PostgreSQL (test/outage-proxy.ts); on
 * PGlite only the error handler's part runs, with a stand-in route.
 */
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import Fastify, { type FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.js';
import { seedDemo } from '../src/demo/seed.js';
import { generatePersonalAccessToken } from '../src/platform/auth/tokens.js';
import { openDatabase, type Database, type Tx } from '../src/platform/db/database.js';
import { migrate } from '../src/platform/db/migrate.js';
import { DATABASE_RETRY_AFTER_SECONDS, registerErrorHandling } from '../src/platform/http/errors.js';
import { defineFeature } from '../src/platform/features/feature.js';
import { loggerOptions } from '../src/platform/log/logger.js';
import { insertPerson } from '../src/features/people/queries.js';
import { buildTestApp, TEST_SESSION_SECRET, type TestApp } from './helpers/app.js';
import { createCouncilWithChild, signIn } from './helpers/accounts.js';
import { usingRealPostgres, withThrowawayDatabase } from './helpers/database.js';
import { parseHtml, readableText, textOf } from './helpers/html.js';
import { startDatabaseProxy, type DatabaseProxy } from './outage-proxy.js';

const needsPostgres = !usingRealPostgres && 'needs a PostgreSQL server';
const retryAfter = String(DATABASE_RETRY_AFTER_SECONDS);

function assertUnavailablePage(response: { statusCode: number; headers: Record<string, unknown>; body: string }) {
  assert.equal(response.statusCode, 503);
  assert.equal(response.headers['retry-after'], retryAfter);
  const page = parseHtml(response.body);
  assert.equal(textOf(page, 'h1'), 'Sorry, Kith is not available just now');
  assert.match(
    readableText(page.querySelector('main')),
    /The record is safe: nothing saved before now has been lost\./,
  );
  return page;
}

describe('an error that says the database is away answers 503, on any database', () => {
  let kith: TestApp;
  const lostConnection = () =>
    Object.assign(new Error('Failed query: select 1\nparams: 1'), {
      cause: new Error('Connection terminated unexpectedly'),
    });
  const standIn = defineFeature({
    name: 'outage-stand-in',
    routes: (app) => {
      const access = { public: 'a test route' };
      app.get('/outage-stand-in', { config: { access } }, () => Promise.reject(lostConnection()));
      app.get('/api/outage-stand-in', { config: { access } }, () => Promise.reject(lostConnection()));
      app.get('/outage-stand-in/other', { config: { access } }, () => Promise.reject(new Error('a bug')));
    },
  });
  before(async () => {
    kith = await buildTestApp(undefined, [standIn]);
  });
  after(() => kith.close());

  test('a page: 503, Retry-After, the record is safe, try again in a moment', async () => {
    const page = assertUnavailablePage(await kith.app.inject({ url: '/outage-stand-in' }));
    assert.match(readableText(page.querySelector('main')), /Try again in a moment\./);
  });

  test('the API: 503 problem details with Retry-After', async () => {
    const response = await kith.app.inject({ url: '/api/outage-stand-in' });
    assert.equal(response.statusCode, 503);
    assert.equal(response.headers['retry-after'], retryAfter);
    assert.match(String(response.headers['content-type']), /^application\/problem\+json/);
    const body = response.json<{ status: number; title: string; detail: string }>();
    assert.equal(body.status, 503);
    assert.equal(body.title, 'Service unavailable');
    assert.match(body.detail, /Records already saved are safe/);
  });

  test('any other error is still a 500 without Retry-After', async () => {
    const response = await kith.app.inject({ url: '/outage-stand-in/other' });
    assert.equal(response.statusCode, 500);
    assert.equal(response.headers['retry-after'], undefined);
  });
});

describe('Kith while PostgreSQL cannot be reached', { skip: needsPostgres }, () => {
  let proxy: DatabaseProxy;
  let database: Database;
  let app: FastifyInstance;
  let cookie: string;

  before(async () => {
    proxy = await startDatabaseProxy(process.env.DATABASE_URL!);
    database = await openDatabase({ databaseUrl: proxy.url, poolSize: 4 });
    await migrate(database);
    await database.useApplicationRole();
    ({ app } = await buildApp({
      database,
      logLevel: 'silent',
      sessionSecret: TEST_SESSION_SECRET,
      sessionPolicy: { idleMinutes: 30, absoluteHours: 12 },
    }));
    const { practitioner } = await createCouncilWithChild(database);
    cookie = await signIn(app, practitioner.email);
  });
  after(async () => {
    await app.close();
    await database.close();
    await proxy.close();
  });

  test('pages, the API and readiness answer 503 with Retry-After, and recover by themselves', async () => {
    const caseload = { url: '/caseload', headers: { cookie: `kith_session=${cookie}` } };
    assert.equal((await app.inject(caseload)).statusCode, 200);
    await proxy.cut();
    try {
      assertUnavailablePage(await app.inject(caseload));

      const saving = await app.inject({
        method: 'POST',
        url: '/caseload',
        headers: { cookie: `kith_session=${cookie}` },
        payload: { anything: 'typed text' },
      });
      const page = assertUnavailablePage(saving);
      assert.match(readableText(page.querySelector('main')), /What you just sent may not have been saved/);

      // A well-formed token, so that its council is looked up.
      const bearer = generatePersonalAccessToken().token;
      const api = await app.inject({ url: '/api/v1/children', headers: { authorization: `Bearer ${bearer}` } });
      assert.equal(api.statusCode, 503);
      assert.equal(api.headers['retry-after'], retryAfter);
      assert.equal(api.json<{ status: number }>().status, 503);

      const ready = await app.inject({ url: '/health/ready' });
      assert.equal(ready.statusCode, 503);
      assert.equal(ready.headers['retry-after'], retryAfter);
      assert.equal((await app.inject({ url: '/health/live' })).statusCode, 200);
    } finally {
      await proxy.restore();
    }
    assert.equal((await app.inject(caseload)).statusCode, 200, 'back without a restart');
    assert.equal((await app.inject({ url: '/health/ready' })).statusCode, 200);
  });
});

describe('the log of a write the database went away from', { skip: needsPostgres }, () => {
  let proxy: DatabaseProxy;
  let database: Database;
  let app: FastifyInstance;
  const lines: string[] = [];
  let councilId: string;

  before(async () => {
    proxy = await startDatabaseProxy(process.env.DATABASE_URL!);
    database = await openDatabase({ databaseUrl: proxy.url, poolSize: 2 });
    await database.useApplicationRole();
    councilId = (await createCouncilWithChild(database)).council.id;
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString('utf8'));
        done();
      },
    });
    // The app's own logger options and error handler, with the lines kept here.
    app = Fastify({ logger: { ...(loggerOptions('info') as object), stream } });
    registerErrorHandling(app);
    app.post<{ Body: { name: string } }>('/api/outage-write', async (request) => {
      // A write outside a transaction, as the session lookup's is: its error quotes the parameters.
      await proxy.cut();
      await insertPerson(database.orm as unknown as Tx, councilId, { fullName: request.body.name });
      return { saved: true };
    });
    await app.ready();
  });
  after(async () => {
    await app.close();
    await database.close();
    await proxy.close();
  });

  test('holds neither the record’s text nor the council’s id', async () => {
    const text = `Written during the outage ${Date.now()}`;
    const response = await app.inject({ method: 'POST', url: '/api/outage-write', payload: { name: text } });
    assert.equal(response.statusCode, 503);
    const log = lines.join('');
    assert.match(log, /database unavailable/);
    assert.ok(!log.includes(text), 'the text written is not in the log');
    assert.ok(!log.includes(councilId), 'the council’s id is not in the log');
    assert.ok(!/Failed query|params:/.test(log), log);
  });
});

describe('two instances seeding the demo at once on a fresh database', { skip: needsPostgres }, () => {
  test('both succeed, and each demo council is made once', async () => {
    await withThrowawayDatabase(async ({ databaseUrl }) => {
      const instances = await Promise.all([1, 2].map(() => openDatabase({ databaseUrl, poolSize: 2 })));
      try {
        await Promise.all(instances.map((instance) => migrate(instance)));
        const outcomes = await Promise.all(instances.map((instance) => seedDemo(instance)));
        const seeded = outcomes.flatMap((outcome) => outcome.councils.filter((council) => council.seeded));
        assert.equal(seeded.length, 2, 'each of the two councils seeded by one instance');
        const councils = await instances[0]!.asOwner((owner) =>
          owner.query<{ slug: string }>('select slug from tenants order by slug'),
        );
        assert.equal(councils.length, 2);
      } finally {
        await Promise.all(instances.map((instance) => instance.close()));
      }
    });
  });
});
