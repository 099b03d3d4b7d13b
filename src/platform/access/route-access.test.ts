import assert from 'node:assert/strict';
import { test } from 'node:test';
import Fastify from 'fastify';
import {
  MissingAccessDeclarationError,
  MissingAuditDeclarationError,
  opensAChildsRecord,
  requireAccessDeclaration,
} from './route-access.js';

const view = { permission: 'child_record.view' } as const;

test('a route that forgets its access does not start', async () => {
  const app = Fastify();
  requireAccessDeclaration(app);
  assert.throws(() => app.get('/caseload', async () => 'listed'), MissingAccessDeclarationError);
});

test('a route of a child’s record must declare its audit action beside its access', async () => {
  const app = Fastify();
  const routes = requireAccessDeclaration(app);
  assert.throws(
    () => app.get('/children/:childId/plans', { config: { access: view } }, async () => 'plans'),
    MissingAuditDeclarationError,
  );
  assert.throws(
    () => app.get('/api/v1/children/:childId', { config: { access: view } }, async () => 'child'),
    MissingAuditDeclarationError,
  );
  app.get('/children/:childId/plans', { config: { access: view, audit: 'plan.list' } }, async () => 'plans');
  app.get('/caseload', { config: { access: { permission: 'caseload.view' } } }, async () => 'listed');
  await app.ready();
  assert.deepEqual(
    routes.filter((route) => route.method === 'GET').map(({ url, audit }) => ({ url, audit })),
    [
      { url: '/children/:childId/plans', audit: 'plan.list' },
      { url: '/caseload', audit: null },
    ],
  );
});

test('which URLs open a child’s record', () => {
  assert.equal(opensAChildsRecord('/children/:childId'), true);
  assert.equal(opensAChildsRecord('/children/:childId/visits/:visitId'), true);
  assert.equal(opensAChildsRecord('/api/v1/children/:childId/plans'), true);
  assert.equal(opensAChildsRecord('/children/:childIdentity'), false);
  assert.equal(opensAChildsRecord('/caseload'), false);
  assert.equal(opensAChildsRecord('/api/v1/children'), false);
});
