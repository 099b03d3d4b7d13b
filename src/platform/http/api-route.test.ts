import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import Fastify from 'fastify';
import { z } from 'zod';
import type { Database } from '../db/database.js';
import type { Actor } from '../identity/actor.js';
import { problemSchema } from './problem.js';
import { apiRoute, serviceCaller } from './api-route.js';
import { apiSecurity } from './api-answers.js';
import type { RequestSource } from './request-source.js';

describe('apiRoute', () => {
  test('declares the OpenAPI schema with the sign-in schemes and each problem status, and the access and audit', () => {
    const params = z.object({ childId: z.string() });
    const body = z.object({ words: z.string() });
    const answer = z.object({ id: z.string() });
    const options = apiRoute({
      summary: 'Add some words',
      tags: ['words'],
      access: { permission: 'child_record.change' },
      audit: 'child_record.view',
      params,
      body,
      responses: { 201: answer },
      problems: [404, 422],
    });
    assert.deepEqual(options.schema, {
      summary: 'Add some words',
      tags: ['words'],
      security: apiSecurity,
      params,
      body,
      response: { 201: answer, 404: problemSchema, 422: problemSchema },
    });
    assert.deepEqual(options.config, { access: { permission: 'child_record.change' }, audit: 'child_record.view' });
  });

  test('leaves out what a route does not declare, keeps a description, and a status it answers itself wins', () => {
    const conflict = problemSchema.extend({ currentVersion: z.number() });
    const options = apiRoute({
      summary: 'Counts',
      description: 'Across the council',
      tags: ['counts'],
      access: { signedIn: true },
      responses: { 200: z.null(), 409: conflict },
      problems: [404, 409],
    });
    assert.deepEqual(Object.keys(options.schema), ['summary', 'description', 'tags', 'security', 'response']);
    assert.equal(options.schema.response[409], conflict);
    assert.equal(options.schema.response[404], problemSchema);
    assert.deepEqual(options.config, { access: { signedIn: true } });
  });

  test('a route signed in another way declares its own schemes', () => {
    const options = apiRoute({
      summary: 'The session',
      tags: ['account'],
      access: { signedIn: true },
      security: [{ cookieAuth: [] }],
      responses: { 200: z.null() },
    });
    assert.deepEqual(options.schema.security, [{ cookieAuth: [] }]);
    assert.deepEqual(options.config, { access: { signedIn: true } });
  });
});

describe('serviceCaller', () => {
  test('gives the service the database, the signed-in actor, the arguments, then where the request came from', async () => {
    const database = { name: 'the database' } as unknown as Database;
    const actor = { userId: 'u-1' } as unknown as Actor;
    const seen: unknown[][] = [];
    const service = async (
      db: Database,
      who: Actor,
      childId: string,
      words: string,
      source: RequestSource,
      now?: Date,
    ) => {
      seen.push([db, who, childId, words, source, now]);
      return 'done';
    };
    const app = Fastify({ genReqId: () => 'req-7' });
    app.addHook('onRequest', async (request) => {
      request.actor = actor;
    });
    const call = serviceCaller(database);
    app.get('/', async (request) => call(request, service, 'child-1', 'hello'));
    const response = await app.inject({ url: '/', headers: { 'user-agent': 'test agent' } });
    await app.close();
    assert.equal(response.body, 'done');
    assert.deepEqual(seen, [
      [
        database,
        actor,
        'child-1',
        'hello',
        { ip: '127.0.0.1', userAgent: 'test agent', requestId: 'req-7' },
        undefined,
      ],
    ]);
  });
});
