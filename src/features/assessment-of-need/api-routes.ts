/**
 * The assessment of need in the JSON API: list and read, start one, save a draft (409 when
 * stale or no longer a draft), submit, sign off or return (a team manager who did not write
 * it), start a new version, and what changed. Same service and rules as the pages.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AuditAction } from '../../platform/audit/catalogue.js';
import type { Database } from '../../platform/db/database.js';
import type { RouteAccess } from '../../platform/access/route-access.js';
import { sendProblem } from '../../platform/http/problem.js';
import { answerConflict, answerNotFound, apiSecurity, problemResponses } from '../../platform/http/api-answers.js';
import { requestSource } from '../../platform/http/request-source.js';
import {
  changesSchema,
  childParams,
  listSchema,
  presentChanges,
  presentList,
  presentVersion,
  seriesParams,
  versionParams,
  versionSchema,
} from './api-schemas.js';
import { signOffRefusalMessages } from './lifecycle.js';
import { assessmentPaths } from './paths.js';
import { nameOf } from './presenters/content.js';
import {
  decideOnVersion,
  listAssessments,
  saveDraft,
  startAssessment,
  startNewVersion,
  submitVersion,
  viewVersion,
} from './service.js';
import { commentSchema, contentChangesSchema } from './validation.js';

const paths = assessmentPaths.api;
const notFound = 'There is no assessment of need with that id on a child’s record you may see.';
const view = { permission: 'child_record.view' } as const;
const change = { permission: 'child_record.change' } as const;

/** A route's OpenAPI description and its declared access and audit action. */
const described = <Schema extends object>(
  summary: string,
  access: RouteAccess,
  audit: AuditAction,
  schema: Schema,
) => ({
  schema: {
    summary,
    tags: ['assessment of need'],
    security: apiSecurity,
    ...schema,
  },
  config: { access, audit },
});

const missing = (reply: FastifyReply, request: FastifyRequest) => answerNotFound(reply, request, notFound);
/** What the caller sees of a version they have just changed. */
const changed = (version: Parameters<typeof presentVersion>[0]) =>
  presentVersion(version, { mayChange: true, maySignOff: false });

export function registerAssessmentOfNeedApiRoutes(app: FastifyInstance, database: Database): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const open = (request: FastifyRequest<{ Params: z.infer<typeof versionParams> }>, part: string) =>
    viewVersion(
      database,
      request.actor!,
      request.params.childId,
      request.params.assessmentId,
      request.params.version,
      requestSource(request),
      part,
    );

  routes.get(
    paths.list.pattern,
    described('A child’s assessments of need and their versions', view, 'child_record.view', {
      params: childParams,
      response: { 200: listSchema, ...problemResponses(404) },
    }),
    async (request, reply) => {
      const { childId } = request.params;
      const list = await listAssessments(database, request.actor!, childId, requestSource(request), 'assessments_api');
      return list ? presentList(list) : missing(reply, request);
    },
  );

  routes.post(
    paths.list.pattern,
    described('Start an assessment of need: version 1, an empty draft', change, 'assessment.started', {
      params: childParams,
      response: { 201: versionSchema, ...problemResponses(404) },
    }),
    async (request, reply) => {
      const started = await startAssessment(database, request.actor!, request.params.childId, requestSource(request));
      if (started.outcome === 'not_found') return missing(reply, request);
      return reply.status(201).send(changed(started.version));
    },
  );

  routes.get(
    paths.version.pattern,
    described(
      'One version of an assessment of need (read-only callers: signed-off versions only)',
      view,
      'child_record.view',
      { params: versionParams, response: { 200: versionSchema, ...problemResponses(404) } },
    ),
    async (request, reply) => {
      const found = await open(request, 'assessment_api');
      if (!found) return missing(reply, request);
      return presentVersion(found.version, {
        mayChange: found.mayChange,
        maySignOff: found.signOff.allowed,
        childName: nameOf(found.child),
      });
    },
  );

  routes.put(
    paths.version.pattern,
    described(
      'Save changes to a draft: the fields sent replace those fields (409 if someone else saved since expectedRevision, or it is no longer a draft)',
      change,
      'assessment.draft_saved',
      {
        params: versionParams,
        body: z.object({ content: contentChangesSchema, expectedRevision: z.number().int().min(1) }),
        response: { 200: versionSchema, ...problemResponses(404, 409) },
      },
    ),
    async (request, reply) => {
      const { childId, assessmentId, version } = request.params;
      const saved = await saveDraft(
        database,
        request.actor!,
        childId,
        assessmentId,
        version,
        request.body,
        requestSource(request),
      );
      if (saved.outcome === 'not_found') return missing(reply, request);
      if (saved.outcome === 'locked') {
        return answerConflict(
          reply,
          request,
          saved.current.status === 'signed_off'
            ? 'This version is signed off and locked. Nothing was saved: start a new version to carry on.'
            : 'This version is waiting for sign-off and cannot be changed. Nothing was saved.',
        );
      }
      if (saved.outcome === 'conflict') {
        return answerConflict(reply, request, 'Someone else saved this draft since you read it. Nothing was saved.');
      }
      return changed(saved.version);
    },
  );

  routes.post(
    paths.submit.pattern,
    described('Submit a draft for a team manager to sign off', change, 'assessment.submitted', {
      params: versionParams,
      body: z.object({ expectedRevision: z.number().int().min(1) }),
      response: { 200: versionSchema, ...problemResponses(404, 409) },
    }),
    async (request, reply) => {
      const { childId, assessmentId, version } = request.params;
      const result = await submitVersion(
        database,
        request.actor!,
        childId,
        assessmentId,
        version,
        request.body.expectedRevision,
        requestSource(request),
      );
      if (result.outcome === 'not_found') return missing(reply, request);
      if (result.outcome === 'conflict') {
        return answerConflict(
          reply,
          request,
          'Someone else saved this draft since you read it. Nothing was submitted.',
        );
      }
      if (result.outcome === 'not_a_draft') {
        return answerConflict(reply, request, 'Only a draft can be submitted. Nothing changed.');
      }
      return changed(result.version);
    },
  );

  const decisions = [
    {
      decision: 'sign_off',
      path: paths.signOff,
      audit: 'assessment.signed_off',
      summary:
        'Sign off a submitted version, with a comment: it is locked from then on (team managers who did not write it)',
    },
    {
      decision: 'return',
      path: paths.return,
      audit: 'assessment.returned',
      summary:
        'Return a submitted version to draft, with a comment for the author (team managers who did not write it)',
    },
  ] as const;
  for (const { decision, path, audit, summary } of decisions) {
    routes.post(
      path.pattern,
      described(summary, change, audit, {
        params: versionParams,
        body: z.object({ comment: commentSchema }),
        response: { 200: versionSchema, ...problemResponses(403, 404) },
      }),
      async (request, reply) => {
        const { childId, assessmentId, version } = request.params;
        const result = await decideOnVersion(
          database,
          request.actor!,
          childId,
          assessmentId,
          version,
          { decision, comment: request.body.comment },
          requestSource(request),
        );
        if (result.outcome === 'not_found') return missing(reply, request);
        if (result.outcome === 'refused')
          return sendProblem(reply, request, 403, signOffRefusalMessages[result.reason]);
        return changed(result.version);
      },
    );
  }

  routes.post(
    paths.versions.pattern,
    described(
      'Start a new draft version from a copy of the latest signed-off one, which stays unchanged',
      change,
      'assessment.new_version',
      { params: seriesParams, response: { 201: versionSchema, ...problemResponses(404, 409) } },
    ),
    async (request, reply) => {
      const { childId, assessmentId } = request.params;
      const started = await startNewVersion(database, request.actor!, childId, assessmentId, requestSource(request));
      if (started.outcome === 'not_found') return missing(reply, request);
      if (started.outcome === 'not_allowed') {
        return answerConflict(
          reply,
          request,
          started.openVersion
            ? `Version ${started.openVersion.versionNumber} is still being worked on: carry on with it.`
            : 'There is no signed-off version to carry on from.',
        );
      }
      return reply.status(201).send(changed(started.version));
    },
  );

  routes.get(
    paths.changes.pattern,
    described('What changed in a version since the one before it that the caller may see', view, 'child_record.view', {
      params: versionParams,
      response: { 200: changesSchema, ...problemResponses(404) },
    }),
    async (request, reply) => {
      const found = await open(request, 'assessment_changes_api');
      return found ? presentChanges(found) : missing(reply, request);
    },
  );
}
