/** A team manager's list of restricted records opened in their teams, each to mark as reviewed. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AuditCatalogue } from '../../platform/audit/catalogue.js';
import type { Database } from '../../platform/db/database.js';
import { cleanText } from '../../platform/http/forms.js';
import { requestSource } from '../../platform/http/request-source.js';
import { restrictedAccessPages } from './paths.js';
import { presentGrants } from './presenters.js';
import { reviewGrant, reviewsFor } from './service.js';

const reviewer = { permission: 'restricted_access.review' } as const;

export function registerRestrictedAccessRoutes(
  app: FastifyInstance,
  database: Database,
  auditCatalogue: AuditCatalogue,
): void {
  const reviewsPage = async (request: FastifyRequest, notice?: string) => ({
    pageTitle: 'Restricted records opened',
    notice,
    grants: presentGrants(await reviewsFor(database, request.actor!), auditCatalogue),
  });

  app.get(restrictedAccessPages.reviews.pattern, { config: { access: reviewer } }, async (request, reply) =>
    reply.render('restricted-access/views/reviews.njk', await reviewsPage(request)),
  );

  app.post<{ Params: { grantId: string }; Body: Record<string, unknown> }>(
    restrictedAccessPages.review.pattern,
    { config: { access: reviewer } },
    async (request, reply) => {
      const note = cleanText(request.body?.note).trim().slice(0, 2000) || null;
      const outcome = await reviewGrant(database, request.actor!, request.params.grantId, note, requestSource(request));
      if (outcome === 'not_found') {
        reply.callNotFound();
        return reply;
      }
      return reply.render('restricted-access/views/reviews.njk', await reviewsPage(request, 'Review recorded.'));
    },
  );
}
