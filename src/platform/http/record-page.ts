/**
 * One way to write a page that shows what a feature's service found:
 *
 *   GET → the route's declared access and audit action → load it through the service (which
 *         opens the record and audits the opening) → nothing found: 404, the same for a record
 *         that does not exist as for one this person may not open → show it
 *
 *   registerRecordPage(app, paths.visit, {
 *     access: { permission: 'child_record.view' },
 *     audit: 'visit.viewed',
 *     load: (request) => call(request, viewVisit, request.params.childId, request.params.visitId),
 *     show: (visit, request, reply) => reply.render('voice/views/visit.njk', { … }),
 *   });
 *
 * The path's `:parameters` type `request.params`; forms that save are question pages
 * (question-page.ts).
 */
import type { FastifyContextConfig, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RouteAccess } from '../access/route-access.js';
import type { AuditAction } from '../audit/catalogue.js';
import type { Path, PathParameters } from './path.js';

/** A page's request: its path's parameters, and the query string it reads (a notice, by default). */
export type RecordPageRequest<Pattern extends string, Query = { notice?: string }> = FastifyRequest<{
  Params: PathParameters<Pattern>;
  Querystring: Query;
}>;

export interface RecordPage<Pattern extends string, Found, Query> extends FastifyContextConfig {
  access: RouteAccess;
  audit: AuditAction;
  /** Loads what the page shows through the feature's service; null (not found or refused) answers 404. */
  load: (request: RecordPageRequest<Pattern, Query>) => Promise<Found | null | undefined>;
  /** Shows what was found: renders the page, or sends the answer. */
  show: (
    found: Found,
    request: RecordPageRequest<Pattern, Query>,
    reply: FastifyReply,
  ) => FastifyReply | Promise<FastifyReply>;
}

/** Registers the GET of a page at `path` that shows what `load` finds, or answers 404. */
export function registerRecordPage<Pattern extends string, Found, Query = { notice?: string }>(
  app: FastifyInstance,
  path: Path<Pattern>,
  page: RecordPage<Pattern, Found, Query>,
): void {
  const { load, show, ...config } = page;
  app.get<{ Params: PathParameters<Pattern>; Querystring: Query }>(path.pattern, { config }, async (request, reply) => {
    const found = await load(request);
    if (found === null || found === undefined) {
      reply.callNotFound();
      return reply;
    }
    return show(found, request, reply);
  });
}
