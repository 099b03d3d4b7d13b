/** One version of an assessment (the task list while it is a draft), and what changed since the one before. */
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../../platform/db/database.js';
import { hasPermission } from '../../../platform/identity/roles.js';
import { assessmentPaths as paths } from '../paths.js';
import { changesPage, versionPage } from '../presenters/pages.js';
import { versionPageAt, view } from './common.js';

export function registerVersionPages(app: FastifyInstance, database: Database): void {
  const config = { access: view, audit: 'child_record.view' } as const;
  versionPageAt(app, database, paths.version.pattern, config, 'assessment', (found, request, reply) =>
    reply.render(
      'assessment-of-need/views/version.njk',
      versionPage(found, {
        maySignOff: hasPermission(request.actor!.roles, 'assessment.sign_off'),
        notice: request.query.notice,
      }),
    ),
  );

  versionPageAt(app, database, paths.changes.pattern, config, 'assessment_changes', (found, _request, reply) =>
    reply.render('assessment-of-need/views/changes.njk', changesPage(found)),
  );
}
