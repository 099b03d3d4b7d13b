/**
 * The record-page helper's flow, with a stand-in for rendering that answers the template and its
 * context as JSON: what was found is shown with the path's parameters and the query, nothing
 * found answers 404, and the route carries its declared access and audit action.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import Fastify from 'fastify';
import type { PageContext } from '../views/render.js';
import { path } from './path.js';
import { registerRecordPage } from './record-page.js';

test('a record page shows what its service found, answers 404 when nothing is, and declares its access and audit', async () => {
  const app = Fastify();
  app.decorateReply('render', function (template: string, context: PageContext) {
    return this.type('application/json').send({ template, context });
  });
  const declared: unknown[] = [];
  app.addHook('onRoute', (route) => {
    if (route.method === 'GET') declared.push(route.config);
  });
  const visit = path('/children/:childId/visits/:visitId');
  registerRecordPage(app, visit, {
    access: { permission: 'child_record.view' },
    audit: 'visit.viewed',
    load: async (request) => (request.params.visitId === 'missing' ? null : { kind: 'Home visit' }),
    show: (found, request, reply) =>
      reply.render('visit.njk', { pageTitle: found.kind, ...request.params, notice: request.query.notice }),
  });
  await app.ready();

  const shown = await app.inject({ url: '/children/c1/visits/v1?notice=visit_recorded' });
  assert.equal(shown.statusCode, 200);
  assert.deepEqual(shown.json(), {
    template: 'visit.njk',
    context: { pageTitle: 'Home visit', childId: 'c1', visitId: 'v1', notice: 'visit_recorded' },
  });
  assert.equal((await app.inject({ url: '/children/c1/visits/missing' })).statusCode, 404);
  assert.deepEqual(declared, [{ access: { permission: 'child_record.view' }, audit: 'visit.viewed' }]);
  await app.close();
});
