/**
 * The assessment of need in the JSON API: list and read, start one, save a draft (409 when
 * stale or no longer a draft), submit, sign off or return (a team manager who did not write
 * it), start a new version, and what changed. Same service and rules as the pages.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../platform/db/database.js';
import { sendProblem } from '../../platform/http/problem.js';
import { answerConflict, answerNotFound } from '../../platform/http/api-answers.js';
import { apiRoute, serviceCaller } from '../../platform/http/api-route.js';
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
const tags = ['assessment of need'];
const notFound = 'There is no assessment of need with that id on a child’s record you may see.';
const view = { permission: 'child_record.view' } as const;
const change = { permission: 'child_record.change' } as const;
/** What every read declares: its tag, who may call it, its audit action, and 404 for what they may not see. */
const reading = { tags, access: view, audit: 'child_record.view', problems: [404] } as const;

const missing = (reply: FastifyReply, request: FastifyRequest) => answerNotFound(reply, request, notFound);
/** What the caller sees of a version they have just changed. */
const changed = (version: Parameters<typeof presentVersion>[0]) =>
  presentVersion(version, { mayChange: true, maySignOff: false });

export function registerAssessmentOfNeedApiRoutes(app: FastifyInstance, database: Database): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const call = serviceCaller(database);
  const open = (request: FastifyRequest<{ Params: z.infer<typeof versionParams> }>, part: string) => {
    const { childId, assessmentId, version } = request.params;
    return viewVersion(database, request.actor!, childId, assessmentId, version, requestSource(request), part);
  };

  routes.get(
    paths.list.pattern,
    apiRoute({
      summary: 'A child’s assessments of need and their versions',
      ...reading,
      params: childParams,
      responses: { 200: listSchema },
    }),
    async (request, reply) => {
      const { childId } = request.params;
      const list = await listAssessments(database, request.actor!, childId, requestSource(request), 'assessments_api');
      return list ? presentList(list) : missing(reply, request);
    },
  );

  routes.post(
    paths.list.pattern,
    apiRoute({
      summary: 'Start an assessment of need: version 1, an empty draft',
      tags,
      access: change,
      audit: 'assessment.started',
      params: childParams,
      responses: { 201: versionSchema },
      problems: [404],
    }),
    async (request, reply) => {
      const started = await call(request, startAssessment, request.params.childId);
      if (started.outcome === 'not_found') return missing(reply, request);
      return reply.status(201).send(changed(started.version));
    },
  );

  routes.get(
    paths.version.pattern,
    apiRoute({
      summary: 'One version of an assessment of need (read-only callers: signed-off versions only)',
      ...reading,
      params: versionParams,
      responses: { 200: versionSchema },
    }),
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
    apiRoute({
      summary:
        'Save changes to a draft: the fields sent replace those fields (409 if someone else saved since expectedRevision, or it is no longer a draft)',
      tags,
      access: change,
      audit: 'assessment.draft_saved',
      params: versionParams,
      body: z.object({ content: contentChangesSchema, expectedRevision: z.number().int().min(1) }),
      responses: { 200: versionSchema },
      problems: [404, 409],
    }),
    async (request, reply) => {
      const { childId, assessmentId, version } = request.params;
      const saved = await call(request, saveDraft, childId, assessmentId, version, request.body);
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
    apiRoute({
      summary: 'Submit a draft for a team manager to sign off',
      tags,
      access: change,
      audit: 'assessment.submitted',
      params: versionParams,
      body: z.object({ expectedRevision: z.number().int().min(1) }),
      responses: { 200: versionSchema },
      problems: [404, 409],
    }),
    async (request, reply) => {
      const { childId, assessmentId, version } = request.params;
      const result = await call(request, submitVersion, childId, assessmentId, version, request.body.expectedRevision);
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
      apiRoute({
        summary,
        tags,
        access: change,
        audit,
        params: versionParams,
        body: z.object({ comment: commentSchema }),
        responses: { 200: versionSchema },
        problems: [403, 404],
      }),
      async (request, reply) => {
        const { childId, assessmentId, version } = request.params;
        const comment = request.body.comment;
        const result = await call(request, decideOnVersion, childId, assessmentId, version, { decision, comment });
        if (result.outcome === 'not_found') return missing(reply, request);
        if (result.outcome === 'refused')
          return sendProblem(reply, request, 403, signOffRefusalMessages[result.reason]);
        return changed(result.version);
      },
    );
  }

  routes.post(
    paths.versions.pattern,
    apiRoute({
      summary: 'Start a new draft version from a copy of the latest signed-off one, which stays unchanged',
      tags,
      access: change,
      audit: 'assessment.new_version',
      params: seriesParams,
      responses: { 201: versionSchema },
      problems: [404, 409],
    }),
    async (request, reply) => {
      const { childId, assessmentId } = request.params;
      const started = await call(request, startNewVersion, childId, assessmentId);
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
    apiRoute({
      summary: 'What changed in a version since the one before it that the caller may see',
      ...reading,
      params: versionParams,
      responses: { 200: changesSchema },
    }),
    async (request, reply) => {
      const found = await open(request, 'assessment_changes_api');
      return found ? presentChanges(found) : missing(reply, request);
    },
  );
}
