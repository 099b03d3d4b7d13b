/** One version of an assessment (the task list while it is a draft), and what changed since the one before. */
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../../platform/db/database.js';
import { hasPermission } from '../../../platform/identity/roles.js';
import { assessmentPaths as paths } from '../paths.js';
import { changesPage, versionPage } from '../presenters/pages.js';
import { notFound, openVersionPage, view, type VersionParams } from './common.js';

export function registerVersionPages(app: FastifyInstance, database: Database): void {
  app.get<{ Params: VersionParams; Querystring: { notice?: string } }>(
    paths.version.pattern,
    { config: { access: view, audit: 'child_record.view' } },
    async (request, reply) => {
      const found = await openVersionPage(database, request, 'assessment');
      if (!found) return notFound(reply);
      return reply.render(
        'assessment-of-need/views/version.njk',
        versionPage(found, {
          maySignOff: hasPermission(request.actor!.roles, 'assessment.sign_off'),
          notice: request.query.notice,
        }),
      );
    },
  );

  app.get<{ Params: VersionParams }>(
    paths.changes.pattern,
    { config: { access: view, audit: 'child_record.view' } },
    async (request, reply) => {
      const found = await openVersionPage(database, request, 'assessment_changes');
      if (!found) return notFound(reply);
      return reply.render('assessment-of-need/views/changes.njk', changesPage(found));
    },
  );
}
