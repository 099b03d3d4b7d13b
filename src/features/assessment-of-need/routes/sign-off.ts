/**
 * A team manager signs a submitted version off or returns it to its author, with a comment.
 * Not the question-page helper: anyone the rules do not allow is shown why, with 403.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Database } from '../../../platform/db/database.js';
import { formErrorsFrom, noErrors, type FormErrors } from '../../../platform/http/forms.js';
import { readText, type FormBody, type FormValues } from '../../../platform/http/question-page.js';
import { serviceCaller } from '../../../platform/http/api-route.js';
import { signOffRefusalMessages, type SignOffRefusal } from '../lifecycle.js';
import { assessmentPaths as paths } from '../paths.js';
import { signOffPage, versionLinks } from '../presenters/pages.js';
import { decideOnVersion, type VersionView } from '../service.js';
import { decisionSchema } from '../validation.js';
import { change, notFound, openVersionPage, versionNumberOf, versionPageAt, type VersionParams } from './common.js';

export function registerSignOffPage(app: FastifyInstance, database: Database): void {
  const call = serviceCaller(database);
  const template = 'assessment-of-need/views/sign-off.njk';
  const show = (reply: FastifyReply, found: VersionView, status: number, values: FormValues, errors: FormErrors) =>
    reply.status(status).render(template, { ...signOffPage(found, values, null), ...errors });
  const refuse = (reply: FastifyReply, found: VersionView, values: FormValues, reason: SignOffRefusal) =>
    reply.status(403).render(template, { ...signOffPage(found, values, signOffRefusalMessages[reason]), ...noErrors });

  const config = { access: change, audit: 'child_record.view' } as const;
  versionPageAt(app, database, paths.signOff.pattern, config, 'assessment_sign_off_form', (found, _request, reply) => {
    if (!found.signOff.allowed) return refuse(reply, found, {}, found.signOff.reason);
    return show(reply, found, 200, { decision: '', comment: '' }, noErrors);
  });

  app.post<{ Params: VersionParams; Body: FormBody }>(
    paths.signOff.pattern,
    { config: { access: change, audit: 'assessment.signed_off' } },
    async (request, reply) => {
      const { childId, assessmentId } = request.params;
      const body = request.body ?? {};
      const values = { decision: readText(body, 'decision'), comment: readText(body, 'comment') };
      const parsed = decisionSchema.safeParse(values);
      if (!parsed.success) {
        const found = await openVersionPage(database, request, 'assessment_sign_off_form');
        if (!found) return notFound(reply);
        if (!found.signOff.allowed) return refuse(reply, found, values, found.signOff.reason);
        return show(reply, found, 400, values, formErrorsFrom(parsed.error, { decision: 'decision' }));
      }
      const version = versionNumberOf(request.params.version);
      const result = await call(request, decideOnVersion, childId, assessmentId, version, parsed.data);
      if (result.outcome === 'not_found') return notFound(reply);
      if (result.outcome === 'refused') {
        const found = await openVersionPage(database, request, 'assessment_sign_off_form');
        if (!found) return notFound(reply);
        return refuse(reply, found, values, result.reason);
      }
      return reply.redirect(versionLinks(childId, result.version).version(result.outcome), 303);
    },
  );
}
