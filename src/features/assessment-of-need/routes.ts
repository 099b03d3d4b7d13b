/**
 * The assessment of need's pages: the list, start one, a version (the task list while it is a
 * draft), edit a section (drafts only), check answers then submit, a manager's sign-off or
 * return, start a new version, and what changed between versions. Plain forms throughout.
 */
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../platform/db/database.js';
import { registerListPages } from './routes/list.js';
import { registerSectionPage } from './routes/section.js';
import { registerSignOffPage } from './routes/sign-off.js';
import { registerSubmitPage } from './routes/submit.js';
import { registerVersionPages } from './routes/version.js';

export function registerAssessmentOfNeedRoutes(app: FastifyInstance, database: Database): void {
  registerListPages(app, database);
  registerVersionPages(app, database);
  registerSectionPage(app, database);
  registerSubmitPage(app, database);
  registerSignOffPage(app, database);
}
