import type { FastifyInstance } from 'fastify';
import { hasPermission } from '../../platform/identity/roles.js';
import { platformPaths } from '../../platform/views/paths.js';
import { caseloadPaths } from '../caseload/index.js';
import { startPages } from './paths.js';

export function registerStartRoutes(app: FastifyInstance): void {
  app.get(
    startPages.start.pattern,
    { config: { access: { public: 'the start page describes the service and holds no records' } } },
    async (request, reply) => {
      const actor = request.actor;
      const startAction = !actor
        ? { href: platformPaths.signIn, text: 'Sign in' }
        : hasPermission(actor.roles, 'caseload.view')
          ? { href: caseloadPaths.caseload.href({}), text: 'Children you work with' }
          : null;
      return reply.render('start/views/start.njk', { pageTitle: 'Kith', startAction });
    },
  );

  app.get(
    startPages.accessibility.pattern,
    { config: { access: { public: 'the accessibility statement is published for everyone' } } },
    async (_request, reply) =>
      reply.render('start/views/accessibility.njk', { pageTitle: 'Accessibility statement for Kith' }),
  );
}
