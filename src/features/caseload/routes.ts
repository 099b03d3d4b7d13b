import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Database } from '../../platform/db/database.js';
import { hasPermission } from '../../platform/identity/roles.js';
import { caseloadPaths } from './paths.js';
import { caseloadOf, openChildRecord } from './service.js';
import { presentAge, presentDate } from './presenters.js';

const sourceOf = (request: FastifyRequest) => ({
  ip: request.ip,
  userAgent: request.headers['user-agent'] ?? null,
  requestId: request.id,
});

export function registerCaseloadRoutes(app: FastifyInstance, database: Database): void {
  app.get(caseloadPaths.caseload, { config: { access: { permission: 'caseload.view' } } }, async (request, reply) => {
    const children = await caseloadOf(database, request.actor!);
    return reply.render('caseload/views/caseload.njk', {
      pageTitle: 'Children you work with',
      children: children.map((child) => ({
        ...child,
        href: caseloadPaths.child(child.childId),
        age: presentAge(child.dateOfBirth, child.dateOfBirthIsApproximate),
      })),
    });
  });

  app.get<{ Params: { childId: string } }>(
    caseloadPaths.childPattern,
    { config: { access: { permission: 'child_record.view' } } },
    async (request, reply) => {
      const opened = await openChildRecord(database, request.actor!, request.params.childId, sourceOf(request));
      if (opened.outcome === 'not_found') {
        reply.callNotFound();
        return reply;
      }
      const { child } = opened;
      return reply.render('caseload/views/child.njk', {
        pageTitle: child.knownAs ?? child.fullName,
        child: {
          ...child,
          age: presentAge(child.dateOfBirth, child.dateOfBirthIsApproximate),
          dateOfBirthText: presentDate(child.dateOfBirth),
          openedOnText: presentDate(child.openedOn),
        },
        backHref: caseloadPaths.caseload,
        whoHasSeenHref: hasPermission(request.actor!.roles, 'audit.view')
          ? `${caseloadPaths.child(child.childId)}/who-has-seen`
          : null,
      });
    },
  );
}
