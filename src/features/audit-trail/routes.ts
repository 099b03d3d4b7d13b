import { requestSource } from '../../platform/http/request-source.js';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Database } from '../../platform/db/database.js';
import { formErrorsFrom, noErrors } from '../../platform/http/forms.js';
import { childRecordPaths } from '../child-record/index.js';
import { auditTrailPaths } from './paths.js';
import { auditTableHead, presentAuditRows } from './presenters.js';
import { searchAudit, whoHasSeen } from './service.js';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const isoDate = /^\d{4}-\d{2}-\d{2}$/;

const pageSchema = z.object({ before: z.coerce.number().int().positive().optional() });

const searchSchema = z
  .object({
    action: z
      .string()
      .trim()
      .max(80)
      .regex(/^[a-z_.]*$/, 'Choose an action from the list')
      .optional(),
    outcome: z.enum(['', 'allowed', 'denied', 'failed'], { error: 'Choose an outcome from the list' }).optional(),
    person: z
      .string()
      .trim()
      .max(36)
      .regex(new RegExp(`^(${uuid.source.slice(1, -1)})?$`), 'Enter an account id, like 3f2b…')
      .optional(),
    child: z
      .string()
      .trim()
      .max(36)
      .regex(new RegExp(`^(${uuid.source.slice(1, -1)})?$`), 'Enter a child’s record id')
      .optional(),
    from: z
      .string()
      .trim()
      .regex(new RegExp(`^(${isoDate.source.slice(1, -1)})?$`), 'Enter the start date as YYYY-MM-DD')
      .optional(),
    to: z
      .string()
      .trim()
      .regex(new RegExp(`^(${isoDate.source.slice(1, -1)})?$`), 'Enter the end date as YYYY-MM-DD')
      .optional(),
    before: z.coerce.number().int().positive().optional(),
  })
  .refine((value) => !value.from || !value.to || value.from <= value.to, {
    message: 'The end date must be the same as or after the start date',
    path: ['to'],
  });

export function registerAuditTrailRoutes(app: FastifyInstance, database: Database): void {
  app.get<{ Params: { childId: string }; Querystring: Record<string, string> }>(
    auditTrailPaths.whoHasSeenPattern,
    { config: { access: { permission: 'audit.view' } } },
    async (request, reply) => {
      const page = pageSchema.safeParse(request.query);
      const found = await whoHasSeen(
        database,
        request.actor!,
        request.params.childId,
        { beforeSequence: page.success ? page.data.before : undefined },
        requestSource(request),
      );
      if (found.outcome === 'not_found') {
        reply.callNotFound();
        return reply;
      }
      return reply.render('audit-trail/views/who-has-seen.njk', {
        pageTitle: `Who has seen ${found.childName}’s record`,
        childName: found.childName,
        head: auditTableHead,
        rows: presentAuditRows(found.entries),
        olderHref:
          found.nextBeforeSequence !== null
            ? `${auditTrailPaths.whoHasSeen(request.params.childId)}?before=${found.nextBeforeSequence}`
            : null,
        backHref: request.actor!.roles.includes('auditor')
          ? auditTrailPaths.search
          : childRecordPaths.record.href({ childId: request.params.childId }),
      });
    },
  );

  app.get<{ Querystring: Record<string, string> }>(
    auditTrailPaths.search,
    { config: { access: { permission: 'audit.search' } } },
    async (request, reply) => {
      const parsed = searchSchema.safeParse(request.query);
      const values = request.query;
      if (!parsed.success) {
        return reply.status(400).render('audit-trail/views/search.njk', {
          pageTitle: 'Search the audit log',
          values,
          head: auditTableHead,
          rows: [],
          ...formErrorsFrom(parsed.error),
        });
      }
      const filters = parsed.data;
      const found = await searchAudit(
        database,
        request.actor!,
        {
          action: filters.action || undefined,
          outcome: filters.outcome || undefined,
          actorUserId: filters.person || undefined,
          childPersonId: filters.child || undefined,
          from: filters.from ? new Date(`${filters.from}T00:00:00Z`) : undefined,
          to: filters.to ? new Date(`${filters.to}T23:59:59.999Z`) : undefined,
        },
        { beforeSequence: filters.before },
        requestSource(request),
      );
      const query = new URLSearchParams(
        Object.entries(values).filter(([key, value]) => key !== 'before' && typeof value === 'string' && value !== ''),
      );
      if (found.nextBeforeSequence !== null) query.set('before', String(found.nextBeforeSequence));
      return reply.render('audit-trail/views/search.njk', {
        pageTitle: 'Search the audit log',
        values,
        head: auditTableHead,
        rows: presentAuditRows(found.entries),
        olderHref: found.nextBeforeSequence !== null ? `${auditTrailPaths.search}?${query.toString()}` : null,
        ...noErrors,
      });
    },
  );
}
