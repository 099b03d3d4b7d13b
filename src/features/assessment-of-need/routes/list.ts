/** The list of a child's assessments, starting one, and starting a new version of one. */
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../../platform/db/database.js';
import { serviceCaller } from '../../../platform/http/api-route.js';
import { requestSource } from '../../../platform/http/request-source.js';
import { assessmentPaths as paths } from '../paths.js';
import { listPage, newPage, versionLinks } from '../presenters/pages.js';
import { listAssessments, startAssessment, startNewVersion } from '../service.js';
import { change, notFound, view } from './common.js';

export function registerListPages(app: FastifyInstance, database: Database): void {
  const call = serviceCaller(database);
  app.get<{ Params: { childId: string }; Querystring: { notice?: string } }>(
    paths.list.pattern,
    { config: { access: view, audit: 'child_record.view' } },
    async (request, reply) => {
      const { childId } = request.params;
      const list = await listAssessments(database, request.actor!, childId, requestSource(request));
      if (!list) return notFound(reply);
      return reply.render('assessment-of-need/views/list.njk', listPage(list, childId, request.query.notice));
    },
  );

  app.get<{ Params: { childId: string } }>(
    paths.new.pattern,
    { config: { access: change, audit: 'child_record.view' } },
    async (request, reply) => {
      const { childId } = request.params;
      const list = await listAssessments(database, request.actor!, childId, requestSource(request), 'assessment_start');
      if (!list || !list.mayChange) return notFound(reply);
      return reply.render('assessment-of-need/views/new.njk', newPage(list.child, childId));
    },
  );

  app.post<{ Params: { childId: string } }>(
    paths.new.pattern,
    { config: { access: change, audit: 'assessment.started' } },
    async (request, reply) => {
      const { childId } = request.params;
      const started = await call(request, startAssessment, childId);
      if (started.outcome === 'not_found') return notFound(reply);
      return reply.redirect(versionLinks(childId, started.version).version('started'), 303);
    },
  );

  app.post<{ Params: { childId: string; assessmentId: string } }>(
    paths.newVersion.pattern,
    { config: { access: change, audit: 'assessment.new_version' } },
    async (request, reply) => {
      const { childId, assessmentId } = request.params;
      const started = await call(request, startNewVersion, childId, assessmentId);
      if (started.outcome === 'not_found') return notFound(reply);
      if (started.outcome === 'not_allowed') {
        return reply.redirect(
          started.openVersion
            ? versionLinks(childId, started.openVersion).version('version_open')
            : paths.list.href({ childId }, { notice: 'version_open' }),
          303,
        );
      }
      return reply.redirect(versionLinks(childId, started.version).version('new_version'), 303);
    },
  );
}
