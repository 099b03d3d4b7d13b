/**
 * The assessment of need in the JSON API: list and read, start one, save a draft (409 when
 * stale or no longer a draft), submit, sign off or return (a team manager who did not write
 * it), start a new version, and what changed. Same service and rules as the pages.
 */
import { requestSource } from '../../platform/http/request-source.js';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../platform/db/database.js';
import { problemSchema, sendProblem } from '../../platform/http/problem.js';
import { whatChanged } from './changes.js';
import { signOffRefusalMessages, statusNames } from './lifecycle.js';
import { assessmentPaths as paths } from './paths.js';
import { assessmentStatuses } from './schema.js';
import { assessmentBalance, contentFields, contentOf, type ContentField } from './sections.js';
import {
  decideOnVersion,
  listAssessments,
  saveDraft,
  startAssessment,
  startNewVersion,
  submitVersion,
  viewVersion,
  type AssessmentVersion,
} from './service.js';
import { commentSchema, contentChangesSchema } from './validation.js';

const childParams = z.object({ childId: z.string().max(64) });
const seriesParams = childParams.extend({ assessmentId: z.uuid() });
const versionParams = seriesParams.extend({ version: z.coerce.number().int().min(1).max(999999) });

const contentSchema = z
  .object(Object.fromEntries(contentFields.map((field) => [field, z.string()])) as Record<ContentField, z.ZodString>)
  .meta({ id: 'AssessmentContent' });
const versionSummarySchema = z
  .object({
    assessmentId: z.uuid(),
    version: z.number().int(),
    status: z.enum(assessmentStatuses),
    statusName: z.string(),
    revision: z.number().int().describe('Send as expectedRevision when saving or submitting'),
    author: z.string(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    submittedAt: z.iso.datetime().nullable(),
    submittedBy: z.string().nullable(),
    signedOffAt: z.iso.datetime().nullable(),
    signedOffBy: z.string().nullable(),
  })
  .meta({ id: 'AssessmentVersionSummary' });
const versionSchema = versionSummarySchema
  .extend({
    content: contentSchema,
    signOffComment: z.string().nullable().describe('Shown to those who may change the record'),
    returnedAt: z.iso.datetime().nullable(),
    returnedBy: z.string().nullable(),
    returnComment: z.string().nullable().describe('Shown to those who may change the record'),
    balance: z.array(z.string()).describe('Gentle notes on balance; they never block'),
    maySignOff: z.boolean().describe('Whether the caller may sign off or return this version now'),
  })
  .meta({ id: 'AssessmentVersion' });
const listSchema = z
  .object({
    childId: z.uuid(),
    assessments: z.array(
      z.object({
        assessmentId: z.uuid(),
        startedAt: z.iso.datetime(),
        startedBy: z.string(),
        mayStartNewVersion: z.boolean(),
        versions: z
          .array(versionSummarySchema)
          .describe('Oldest first; read-only callers see signed-off versions only'),
      }),
    ),
  })
  .meta({ id: 'AssessmentList' });
const changesSchema = z
  .object({
    from: z.number().int().nullable(),
    to: z.number().int(),
    changes: z.array(
      z.object({
        field: z.enum(contentFields as [ContentField, ...ContentField[]]),
        kind: z.enum(['added', 'removed', 'changed']),
        before: z.string(),
        after: z.string(),
      }),
    ),
  })
  .meta({ id: 'AssessmentChanges' });

const iso = (when: Date | null) => (when ? when.toISOString() : null);
const summaryOf = (version: AssessmentVersion): z.infer<typeof versionSummarySchema> => ({
  assessmentId: version.assessmentId,
  version: version.versionNumber,
  status: version.status,
  statusName: statusNames[version.status],
  revision: version.revision,
  author: version.authorLabel,
  createdAt: version.createdAt.toISOString(),
  updatedAt: version.updatedAt.toISOString(),
  submittedAt: iso(version.submittedAt),
  submittedBy: version.submittedByLabel,
  signedOffAt: iso(version.signedOffAt),
  signedOffBy: version.signedOffByLabel,
});
function presentVersion(
  version: AssessmentVersion,
  options: { mayChange: boolean; maySignOff: boolean; childName?: string },
): z.infer<typeof versionSchema> {
  return {
    ...summaryOf(version),
    content: contentOf(version),
    signOffComment: options.mayChange ? version.signOffComment : null,
    returnedAt: options.mayChange ? iso(version.returnedAt) : null,
    returnedBy: options.mayChange ? version.returnedByLabel : null,
    returnComment: options.mayChange ? version.returnComment : null,
    balance: options.mayChange ? assessmentBalance(contentOf(version), options.childName) : [],
    maySignOff: options.maySignOff,
  };
}

const notFound = 'There is no assessment of need with that id on a child’s record you may see.';

export function registerAssessmentOfNeedApiRoutes(app: FastifyInstance, database: Database): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const security: Record<string, string[]>[] = [{ bearerAuth: [] }, { cookieAuth: [] }];
  const view = { permission: 'child_record.view' } as const;
  const change = { permission: 'child_record.change' } as const;
  const tags = ['assessment of need'];
  const childNameOf = (child: { knownAs: string | null; fullName: string }) =>
    child.knownAs ?? child.fullName.split(' ')[0];

  routes.get(
    paths.api.list,
    {
      schema: {
        summary: 'A child’s assessments of need and their versions',
        tags,
        security,
        params: childParams,
        response: { 200: listSchema, 404: problemSchema },
      },
      config: { access: view },
    },
    async (request, reply) => {
      const list = await listAssessments(
        database,
        request.actor!,
        request.params.childId,
        requestSource(request),
        'assessments_api',
      );
      if (!list) return sendProblem(reply, request, 404, notFound);
      return {
        childId: list.child.childId,
        assessments: list.series.map((series) => ({
          assessmentId: series.id,
          startedAt: series.startedAt.toISOString(),
          startedBy: series.startedByLabel,
          mayStartNewVersion: series.mayStartNewVersion,
          versions: series.versions.map(summaryOf),
        })),
      };
    },
  );

  routes.post(
    paths.api.list,
    {
      schema: {
        summary: 'Start an assessment of need: version 1, an empty draft',
        tags,
        security,
        params: childParams,
        response: { 201: versionSchema, 404: problemSchema },
      },
      config: { access: change },
    },
    async (request, reply) => {
      const started = await startAssessment(database, request.actor!, request.params.childId, requestSource(request));
      if (started.outcome === 'not_found') return sendProblem(reply, request, 404, notFound);
      return reply.status(201).send(presentVersion(started.version, { mayChange: true, maySignOff: false }));
    },
  );

  routes.get(
    paths.api.version,
    {
      schema: {
        summary: 'One version of an assessment of need (read-only callers: signed-off versions only)',
        tags,
        security,
        params: versionParams,
        response: { 200: versionSchema, 404: problemSchema },
      },
      config: { access: view },
    },
    async (request, reply) => {
      const found = await viewVersion(
        database,
        request.actor!,
        request.params.childId,
        request.params.assessmentId,
        request.params.version,
        requestSource(request),
        'assessment_api',
      );
      if (!found) return sendProblem(reply, request, 404, notFound);
      return presentVersion(found.version, {
        mayChange: found.mayChange,
        maySignOff: found.signOff.allowed,
        childName: childNameOf(found.child),
      });
    },
  );

  routes.put(
    paths.api.version,
    {
      schema: {
        summary:
          'Save changes to a draft: the fields sent replace those fields (409 if someone else saved since expectedRevision, or it is no longer a draft)',
        tags,
        security,
        params: versionParams,
        body: z.object({ content: contentChangesSchema, expectedRevision: z.number().int().min(1) }),
        response: { 200: versionSchema, 404: problemSchema, 409: problemSchema },
      },
      config: { access: change },
    },
    async (request, reply) => {
      const saved = await saveDraft(
        database,
        request.actor!,
        request.params.childId,
        request.params.assessmentId,
        request.params.version,
        request.body,
        requestSource(request),
      );
      if (saved.outcome === 'not_found') return sendProblem(reply, request, 404, notFound);
      if (saved.outcome === 'locked') {
        return sendProblem(
          reply,
          request,
          409,
          saved.current.status === 'signed_off'
            ? 'This version is signed off and locked. Nothing was saved: start a new version to carry on.'
            : 'This version is waiting for sign-off and cannot be changed. Nothing was saved.',
        );
      }
      if (saved.outcome === 'conflict') {
        return sendProblem(reply, request, 409, 'Someone else saved this draft since you read it. Nothing was saved.');
      }
      return presentVersion(saved.version, { mayChange: true, maySignOff: false });
    },
  );

  routes.post(
    paths.api.submit,
    {
      schema: {
        summary: 'Submit a draft for a team manager to sign off',
        tags,
        security,
        params: versionParams,
        body: z.object({ expectedRevision: z.number().int().min(1) }),
        response: { 200: versionSchema, 404: problemSchema, 409: problemSchema },
      },
      config: { access: change },
    },
    async (request, reply) => {
      const result = await submitVersion(
        database,
        request.actor!,
        request.params.childId,
        request.params.assessmentId,
        request.params.version,
        request.body.expectedRevision,
        requestSource(request),
      );
      if (result.outcome === 'not_found') return sendProblem(reply, request, 404, notFound);
      if (result.outcome === 'conflict') {
        return sendProblem(
          reply,
          request,
          409,
          'Someone else saved this draft since you read it. Nothing was submitted.',
        );
      }
      if (result.outcome === 'not_a_draft') {
        return sendProblem(reply, request, 409, 'Only a draft can be submitted. Nothing changed.');
      }
      return presentVersion(result.version, { mayChange: true, maySignOff: false });
    },
  );

  for (const decision of ['sign_off', 'return'] as const) {
    routes.post(
      decision === 'sign_off' ? paths.api.signOff : paths.api.return,
      {
        schema: {
          summary:
            decision === 'sign_off'
              ? 'Sign off a submitted version, with a comment: it is locked from then on (team managers who did not write it)'
              : 'Return a submitted version to draft, with a comment for the author (team managers who did not write it)',
          tags,
          security,
          params: versionParams,
          body: z.object({ comment: commentSchema }),
          response: { 200: versionSchema, 403: problemSchema, 404: problemSchema },
        },
        config: { access: change },
      },
      async (request, reply) => {
        const result = await decideOnVersion(
          database,
          request.actor!,
          request.params.childId,
          request.params.assessmentId,
          request.params.version,
          { decision, comment: request.body.comment },
          requestSource(request),
        );
        if (result.outcome === 'not_found') return sendProblem(reply, request, 404, notFound);
        if (result.outcome === 'refused')
          return sendProblem(reply, request, 403, signOffRefusalMessages[result.reason]);
        return presentVersion(result.version, { mayChange: true, maySignOff: false });
      },
    );
  }

  routes.post(
    paths.api.versions,
    {
      schema: {
        summary: 'Start a new draft version from a copy of the latest signed-off one, which stays unchanged',
        tags,
        security,
        params: seriesParams,
        response: { 201: versionSchema, 404: problemSchema, 409: problemSchema },
      },
      config: { access: change },
    },
    async (request, reply) => {
      const started = await startNewVersion(
        database,
        request.actor!,
        request.params.childId,
        request.params.assessmentId,
        requestSource(request),
      );
      if (started.outcome === 'not_found') return sendProblem(reply, request, 404, notFound);
      if (started.outcome === 'not_allowed') {
        return sendProblem(
          reply,
          request,
          409,
          started.openVersion
            ? `Version ${started.openVersion.versionNumber} is still being worked on: carry on with it.`
            : 'There is no signed-off version to carry on from.',
        );
      }
      return reply.status(201).send(presentVersion(started.version, { mayChange: true, maySignOff: false }));
    },
  );

  routes.get(
    paths.api.changes,
    {
      schema: {
        summary: 'What changed in a version since the one before it that the caller may see',
        tags,
        security,
        params: versionParams,
        response: { 200: changesSchema, 404: problemSchema },
      },
      config: { access: view },
    },
    async (request, reply) => {
      const found = await viewVersion(
        database,
        request.actor!,
        request.params.childId,
        request.params.assessmentId,
        request.params.version,
        requestSource(request),
        'assessment_changes_api',
      );
      if (!found) return sendProblem(reply, request, 404, notFound);
      return {
        from: found.previous?.versionNumber ?? null,
        to: found.version.versionNumber,
        changes: found.previous
          ? whatChanged(contentOf(found.previous), contentOf(found.version)).map((entry) => ({
              field: entry.field,
              kind: entry.kind,
              before: entry.before,
              after: entry.after,
            }))
          : [],
      };
    },
  );
}
