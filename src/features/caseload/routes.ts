/** The caseload page, a child's record front page (their world), and opening a restricted record with a reason. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Database } from '../../platform/db/database.js';
import { withTenant } from '../../platform/db/tenancy.js';
import { cleanText, formErrorsFrom, noErrors } from '../../platform/http/forms.js';
import { requestSource } from '../../platform/http/request-source.js';
import { hasPermission } from '../../platform/identity/roles.js';
import { auditTrailPages } from '../audit-trail/index.js';
import { auditChildRecord, childRecordPaths, openChildRecord, openRestrictedRecord } from '../child-record/index.js';
import { networkForOpenedRecord, presentNetworkSection } from '../network/index.js';
import { peoplePaths } from '../people/index.js';
import { allocationPaths } from '../allocation/index.js';
import { whereNowOf } from '../timescales/index.js';
import { ukDate } from '../../platform/views/clock.js';
import { caseloadPaths } from './paths.js';
import { childRecordFrame, noticeFor, presentCaseload, restrictedRecordPage } from './presenters.js';
import { caseloadOf } from './service.js';

const reasonForm = z.object({
  reason: z
    .string()
    .trim()
    .min(10, 'Enter why you need to open this record, in at least 10 characters')
    .max(2000, 'The reason must be 2,000 characters or fewer'),
});

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

export function registerCaseloadRoutes(app: FastifyInstance, database: Database): void {
  app.post<{ Params: { childId: string }; Body: Record<string, unknown> }>(
    childRecordPaths.openRestricted.pattern,
    { config: { access: { permission: 'child_record.view' }, audit: 'child_record.restricted_opened' } },
    async (request, reply) => {
      const { childId } = request.params;
      const values = { reason: cleanText(request.body?.reason) };
      const parsed = reasonForm.safeParse(values);
      if (!parsed.success) {
        // Nothing is opened without a reason, but the attempt is on the record.
        await withTenant(database.orm, request.actor!.tenantId, (tx) =>
          auditChildRecord(
            tx,
            request.actor!,
            childId,
            { action: 'child_record.restricted_opened', outcome: 'denied', details: { reason: 'no_reason_given' } },
            requestSource(request),
          ),
        );
        const errors = formErrorsFrom(parsed.error);
        return reply
          .status(400)
          .render('caseload/views/restricted.njk', restrictedRecordPage(childId, { values, errors }));
      }
      const { reason } = parsed.data;
      const outcome = await openRestrictedRecord(database, request.actor!, childId, reason, requestSource(request));
      if (outcome === 'not_found') {
        reply.callNotFound();
        return reply;
      }
      return reply.redirect(childRecordPaths.record.href({ childId }), 303);
    },
  );

  app.get<{ Querystring: { show?: string; sort?: string } }>(
    caseloadPaths.caseload.pattern,
    { config: { access: { permission: 'caseload.view' } } },
    async (request, reply) => {
      const { show } = request.query;
      const asked = show === 'team' ? 'my_teams' : show === 'mine' ? 'allocated_to_me' : undefined;
      const caseload = await caseloadOf(database, request.actor!, asked);
      return reply.render('caseload/views/caseload.njk', presentCaseload(caseload, request.query.sort === 'urgent'));
    },
  );

  app.get<{ Params: { childId: string }; Querystring: { on?: string; notice?: string } }>(
    childRecordPaths.record.pattern,
    { config: { access: { permission: 'child_record.view' }, audit: 'child_record.view' } },
    async (request, reply) => {
      const { childId } = request.params;
      const actor = request.actor!;
      const onDate = typeof request.query.on === 'string' && isoDate.test(request.query.on) ? request.query.on : null;
      const opened = await openChildRecord(database, actor, childId, requestSource(request), async (tx) => ({
        network: await networkForOpenedRecord(tx, actor, childId, onDate),
        whereNow: (await whereNowOf(tx, actor.tenantId, [childId], ukDate(new Date()))).get(childId) ?? null,
      }));
      if (opened.outcome === 'not_found') {
        reply.callNotFound();
        return reply;
      }
      if (opened.outcome === 'restricted') {
        const page = restrictedRecordPage(childId, {
          childName: opened.childName,
          grantUntil: opened.grantUntil,
          values: {},
          errors: noErrors,
        });
        return reply.status(403).render('caseload/views/restricted.njk', page);
      }
      const { child } = opened;
      const network = opened.extra?.network ?? null;
      const mayChange = hasPermission(actor.roles, 'child_record.change');
      return reply.render('caseload/views/child.njk', {
        ...childRecordFrame(child),
        whereNow: opened.extra?.whereNow ?? null,
        allocationHref: allocationPaths.page.href({ childId: child.childId }),
        network: network ? presentNetworkSection(network, { mayChange: mayChange && !onDate }) : null,
        notice: noticeFor(request.query.notice),
        editHref: mayChange ? peoplePaths.details.href({ childId: child.childId }) : null,
        historyHref: peoplePaths.detailsHistory.href({ childId: child.childId }),
        whoHasSeenHref: hasPermission(actor.roles, 'audit.view')
          ? auditTrailPages.whoHasSeen.href({ childId: child.childId })
          : null,
      });
    },
  );
}
