import { requestSource } from '../../platform/http/request-source.js';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../platform/db/database.js';
import { hasPermission } from '../../platform/identity/roles.js';
import { caseloadPaths } from './paths.js';
import { caseloadOf } from './service.js';
import {
  childRecordPaths,
  openChildRecord,
  openRestrictedRecord,
  presentAge,
  presentDate,
  RESTRICTED_GRANT_DAYS,
} from '../child-record/index.js';
import { peoplePaths } from '../people/index.js';
import { auditTrailPaths } from '../audit-trail/index.js';
import { z } from 'zod';
import { cleanText, formErrorsFrom, noErrors } from '../../platform/http/forms.js';
import { networkForOpenedRecord, presentNetworkSection } from '../network/index.js';
import { overdueWorkInWords } from '../plans/index.js';
import { childRecordNavigation } from '../../platform/views/child-record-navigation.js';

const notices: Record<string, string> = {
  details_changed: 'The details have been changed. The earlier version is kept in the history.',
  person_added: 'They have been added to the network.',
  relationship_added: 'The relationship has been recorded.',
  relationship_changed: 'The relationship has been changed. The earlier version is kept.',
  no_longer_involved: 'They are marked as no longer involved. Their place in the history is kept.',
  merged: 'The two records are now one. Both histories are kept.',
  person_changed: 'Their details have been changed. The earlier details are kept in the history.',
  person_unchanged: 'Nothing was changed.',
};
const noticeFor = (code: unknown) => (typeof code === 'string' ? (notices[code] ?? null) : null);

const reasonForm = z.object({
  reason: z
    .string()
    .trim()
    .min(10, 'Enter why you need to open this record, in at least 10 characters')
    .max(2000, 'The reason must be 2,000 characters or fewer'),
});

export function registerCaseloadRoutes(app: FastifyInstance, database: Database): void {
  app.post<{ Params: { childId: string }; Body: Record<string, unknown> }>(
    childRecordPaths.openRestricted.pattern,
    { config: { access: { permission: 'child_record.view' } } },
    async (request, reply) => {
      const { childId } = request.params;
      const values = { reason: cleanText(request.body?.reason) };
      const parsed = reasonForm.safeParse(values);
      if (!parsed.success) {
        return reply.status(400).render('caseload/views/restricted.njk', {
          pageTitle: 'This record is restricted',
          action: childRecordPaths.openRestricted.href({ childId }),
          grantDays: RESTRICTED_GRANT_DAYS,
          values,
          ...formErrorsFrom(parsed.error),
        });
      }
      const outcome = await openRestrictedRecord(
        database,
        request.actor!,
        childId,
        parsed.data.reason,
        requestSource(request),
      );
      if (outcome === 'not_found') {
        reply.callNotFound();
        return reply;
      }
      return reply.redirect(childRecordPaths.record.href({ childId }), 303);
    },
  );

  app.get<{ Querystring: { show?: string } }>(
    caseloadPaths.caseload.pattern,
    { config: { access: { permission: 'caseload.view' } } },
    async (request, reply) => {
      const asked =
        request.query.show === 'team' ? 'my_teams' : request.query.show === 'mine' ? 'allocated_to_me' : undefined;
      const { children, scope, hasTeams, overdueWork } = await caseloadOf(database, request.actor!, asked);
      return reply.render('caseload/views/caseload.njk', {
        pageTitle: 'Children you work with',
        listNavigation: hasTeams
          ? [
              {
                text: 'Allocated to you',
                href: caseloadPaths.caseload.href({}, { show: 'mine' }),
                active: scope === 'allocated_to_me',
              },
              {
                text: 'Your teams’ children',
                href: caseloadPaths.caseload.href({}, { show: 'team' }),
                active: scope === 'my_teams',
              },
            ]
          : null,
        scope,
        children: children.map((child) => ({
          ...child,
          href: childRecordPaths.record.href({ childId: child.childId }),
          age: presentAge(child.dateOfBirth, child.dateOfBirthIsApproximate),
          overdue: overdueWorkInWords(overdueWork.get(child.childId)),
        })),
      });
    },
  );

  app.get<{ Params: { childId: string }; Querystring: { on?: string; notice?: string } }>(
    childRecordPaths.record.pattern,
    { config: { access: { permission: 'child_record.view' } } },
    async (request, reply) => {
      const onDate =
        typeof request.query.on === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(request.query.on) ? request.query.on : null;
      const opened = await openChildRecord(
        database,
        request.actor!,
        request.params.childId,
        requestSource(request),
        (tx) => networkForOpenedRecord(tx, request.actor!, request.params.childId, onDate),
      );
      if (opened.outcome === 'not_found') {
        reply.callNotFound();
        return reply;
      }
      if (opened.outcome === 'restricted') {
        return reply.status(403).render('caseload/views/restricted.njk', {
          pageTitle: 'This record is restricted',
          childName: opened.childName,
          action: childRecordPaths.openRestricted.href({ childId: request.params.childId }),
          grantDays: RESTRICTED_GRANT_DAYS,
          values: {},
          ...noErrors,
        });
      }
      const { child } = opened;
      const network = opened.extra ?? null;
      const mayChange = hasPermission(request.actor!.roles, 'child_record.change');
      return reply.render('caseload/views/child.njk', {
        network: network ? presentNetworkSection(network, { mayChange: mayChange && !onDate }) : null,
        pageTitle: child.knownAs ?? child.fullName,
        recordNavigation: childRecordNavigation(child.childId, 'network'),
        child: {
          ...child,
          age: presentAge(child.dateOfBirth, child.dateOfBirthIsApproximate),
          dateOfBirthText: presentDate(child.dateOfBirth),
          openedOnText: presentDate(child.openedOn),
        },
        backHref: caseloadPaths.caseload.href({}),
        notice: noticeFor(request.query.notice),
        editHref: hasPermission(request.actor!.roles, 'child_record.change')
          ? peoplePaths.editDetails(child.childId)
          : null,
        historyHref: peoplePaths.history(child.childId),
        whoHasSeenHref: hasPermission(request.actor!.roles, 'audit.view')
          ? auditTrailPaths.whoHasSeen(child.childId)
          : null,
      });
    },
  );
}
