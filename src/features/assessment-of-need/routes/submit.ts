/** Check the answers, then submit the draft for a team manager to sign off. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Database } from '../../../platform/db/database.js';
import { cleanText } from '../../../platform/http/forms.js';
import type { FormBody } from '../../../platform/http/question-page.js';
import { serviceCaller } from '../../../platform/http/api-route.js';
import { isEditable } from '../lifecycle.js';
import { assessmentPaths as paths } from '../paths.js';
import { checkAnswersPage, notADraftProblem, versionLinks } from '../presenters/pages.js';
import { submitVersion, type VersionView } from '../service.js';
import { change, notFound, openVersionPage, versionNumberOf, versionPageAt, type VersionParams } from './common.js';

const staleProblem =
  'Someone saved changes to this assessment after you opened this page. Nothing was submitted: check what it says now, then submit again.';

export function registerSubmitPage(app: FastifyInstance, database: Database): void {
  const call = serviceCaller(database);
  const show = (reply: FastifyReply, found: VersionView, status: number, problem: string | null) =>
    reply.status(status).render('assessment-of-need/views/check-answers.njk', checkAnswersPage(found, problem));

  const config = { access: change, audit: 'child_record.view' } as const;
  versionPageAt(app, database, paths.submit.pattern, config, 'assessment_check_answers', (found, _request, reply) => {
    if (!found.mayChange) return notFound(reply);
    if (!isEditable(found.version.status)) return show(reply, found, 409, notADraftProblem(found.version));
    return show(reply, found, 200, null);
  });

  app.post<{ Params: VersionParams; Body: FormBody }>(
    paths.submit.pattern,
    { config: { access: change, audit: 'assessment.submitted' } },
    async (request, reply) => {
      const { childId, assessmentId } = request.params;
      const version = versionNumberOf(request.params.version);
      const expectedRevision = Number(cleanText(request.body?.expectedRevision)) || 0;
      const result = await call(request, submitVersion, childId, assessmentId, version, expectedRevision);
      if (result.outcome === 'not_found') return notFound(reply);
      if (result.outcome === 'submitted') {
        return reply.redirect(versionLinks(childId, result.version).version('submitted'), 303);
      }
      const found = await openVersionPage(database, request, 'assessment_check_answers');
      if (!found) return notFound(reply);
      return show(reply, found, 409, result.outcome === 'conflict' ? staleProblem : notADraftProblem(result.current));
    },
  );
}
