import type { FastifyInstance } from 'fastify';
import { startPaths } from './paths.js';

export function registerStartRoutes(app: FastifyInstance): void {
  app.get(
    startPaths.start,
    { config: { access: { public: 'the start page describes the service and holds no records' } } },
    async (_request, reply) => reply.render('start/views/start.njk', { pageTitle: 'Kith' }),
  );

  app.get(
    startPaths.accessibility,
    { config: { access: { public: 'the accessibility statement is published for everyone' } } },
    async (_request, reply) =>
      reply.render('start/views/accessibility.njk', { pageTitle: 'Accessibility statement for Kith' }),
  );
}
