/** Who has seen a child's record, and searching the whole audit log. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AuditCatalogue } from '../../platform/audit/catalogue.js';
import type { Database } from '../../platform/db/database.js';
import { formErrorsFrom, noErrors, type FormErrors } from '../../platform/http/forms.js';
import { requestSource } from '../../platform/http/request-source.js';
import { childRecordPaths } from '../child-record/index.js';
import { auditTrailPages } from './paths.js';
import { actionFilterItems, auditTableHead, presentAuditRows } from './presenters.js';
import { searchAudit, whoHasSeen } from './service.js';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** A text filter that is either empty or matches `pattern` (checked after its length, when it has one). */
const optionalMatching = (pattern: RegExp, message: string, maxLength?: number) => {
  const text = z.string().trim();
  return (maxLength === undefined ? text : text.max(maxLength))
    .regex(new RegExp(`^(${pattern.source.slice(1, -1)})?$`), message)
    .optional();
};

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
    person: optionalMatching(uuid, 'Enter an account id, like 3f2b…', 36),
    child: optionalMatching(uuid, 'Enter a child’s record id', 36),
    from: optionalMatching(isoDate, 'Enter the start date as YYYY-MM-DD'),
    to: optionalMatching(isoDate, 'Enter the end date as YYYY-MM-DD'),
    before: z.coerce.number().int().positive().optional(),
  })
  .refine((value) => !value.from || !value.to || value.from <= value.to, {
    message: 'The end date must be the same as or after the start date',
    path: ['to'],
  });

/** `catalogue` (the application's, from every feature's manifest) gives each audit action its readable name. */
export function registerAuditTrailRoutes(app: FastifyInstance, database: Database, catalogue: AuditCatalogue): void {
  app.get<{ Params: { childId: string }; Querystring: Record<string, string> }>(
    auditTrailPages.whoHasSeen.pattern,
    { config: { access: { permission: 'audit.view' }, audit: 'audit.who_has_seen_viewed' } },
    async (request, reply) => {
      const { childId } = request.params;
      const page = pageSchema.safeParse(request.query);
      const found = await whoHasSeen(
        database,
        request.actor!,
        childId,
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
        rows: presentAuditRows(found.entries, catalogue),
        olderHref:
          found.nextBeforeSequence !== null
            ? auditTrailPages.whoHasSeen.href({ childId }, { before: found.nextBeforeSequence })
            : null,
        backHref: request.actor!.roles.includes('auditor')
          ? auditTrailPages.search.href({})
          : childRecordPaths.record.href({ childId }),
      });
    },
  );

  app.get<{ Querystring: Record<string, string> }>(
    auditTrailPages.search.pattern,
    { config: { access: { permission: 'audit.search' } } },
    async (request, reply) => {
      const values = request.query;
      const show = (status: number, rows: unknown[], olderHref: string | null, errors: FormErrors) =>
        reply.status(status).render('audit-trail/views/search.njk', {
          pageTitle: 'Search the audit log',
          values,
          actionItems: actionFilterItems(catalogue),
          head: auditTableHead,
          rows,
          olderHref,
          ...errors,
        });
      const parsed = searchSchema.safeParse(values);
      if (!parsed.success) return show(400, [], null, formErrorsFrom(parsed.error));
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
      // The next page keeps every filter as typed, and starts before the last entry shown.
      const kept = Object.entries(values).filter(
        ([key, value]) => key !== 'before' && typeof value === 'string' && value !== '',
      );
      const olderHref =
        found.nextBeforeSequence !== null
          ? auditTrailPages.search.href({}, { ...Object.fromEntries(kept), before: found.nextBeforeSequence })
          : null;
      return show(200, presentAuditRows(found.entries, catalogue), olderHref, noErrors);
    },
  );
}
