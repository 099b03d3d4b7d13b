import { requestSource } from '../../platform/http/request-source.js';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Database } from '../../platform/db/database.js';
import { cleanText } from '../../platform/http/forms.js';
import { childRecordPaths } from '../child-record/index.js';
import { restrictedAccessPaths } from './paths.js';
import { reviewGrant, reviewsFor } from './service.js';

const timeFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/London',
});

export function registerRestrictedAccessRoutes(app: FastifyInstance, database: Database): void {
  const render = async (request: FastifyRequest, notice?: string) => {
    const grants = await reviewsFor(database, request.actor!);
    return {
      pageTitle: 'Restricted records opened',
      notice,
      grants: grants.map((grant) => ({
        ...grant,
        childHref: childRecordPaths.record.href({ childId: grant.childPersonId }),
        grantedAtText: timeFormat.format(grant.grantedAt),
        expiresAtText: timeFormat.format(grant.expiresAt),
        reviewAction: restrictedAccessPaths.review(grant.grantId),
      })),
    };
  };

  app.get(
    restrictedAccessPaths.reviews,
    { config: { access: { permission: 'restricted_access.review' } } },
    async (request, reply) => reply.render('restricted-access/views/reviews.njk', await render(request)),
  );

  app.post<{ Params: { grantId: string }; Body: Record<string, unknown> }>(
    restrictedAccessPaths.reviewPattern,
    { config: { access: { permission: 'restricted_access.review' } } },
    async (request, reply) => {
      const note = cleanText(request.body?.note).trim().slice(0, 2000) || null;
      const outcome = await reviewGrant(database, request.actor!, request.params.grantId, note, requestSource(request));
      if (outcome === 'not_found') {
        reply.callNotFound();
        return reply;
      }
      return reply.render('restricted-access/views/reviews.njk', await render(request, 'Review recorded.'));
    },
  );
}
