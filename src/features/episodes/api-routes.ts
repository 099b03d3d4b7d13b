/**
 * Episodes in the JSON API: read the child's journey, record a referral and its assessment's
 * outcome, start and end an episode of help, record a step of child protection, close the
 * case. Same service and validation as the pages; a rule the record breaks answers 422 naming
 * the field, and nothing is saved.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../platform/db/database.js';
import { answerConflict, answerInvalid, answerNotFound } from '../../platform/http/api-answers.js';
import { apiRoute, serviceCaller } from '../../platform/http/api-route.js';
import { requestSource } from '../../platform/http/request-source.js';
import { assessmentOutcomeList, episodeKindList, protectionStepKindList } from './codes.js';
import { episodesPaths as paths } from './paths.js';
import {
  closeCase,
  endEpisode,
  recordAssessmentOutcome,
  recordProtectionStep,
  recordReferral,
  startEpisode,
  viewEpisodes,
} from './service.js';
import {
  assessmentOutcomeSchema,
  closeCaseSchema,
  endEpisodeSchema,
  newEpisodeSchema,
  newReferralSchema,
  protectionStepSchema,
} from './validation.js';

const childParams = z.object({ childId: z.string().max(64) });
const date = z.iso.date();
const recordedBy = z.string().describe('Who recorded it');

const referralSchema = z
  .object({
    id: z.uuid(),
    referredOn: date,
    source: z.string(),
    contactId: z.uuid().nullable(),
    primaryNeedCode: z.string().nullable(),
    needAssessmentId: z.uuid().nullable(),
    assessmentOutcome: z.enum(assessmentOutcomeList).nullable(),
    assessmentCompletedOn: date.nullable(),
    assessmentFactors: z.array(z.string()),
    outcomeReasons: z.string().nullable(),
    recordedBy,
    version: z.number().int().describe('Send as expectedVersion when recording the outcome'),
  })
  .meta({ id: 'Referral' });
const episodeSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(episodeKindList),
    serviceName: z.string().nullable(),
    startsOn: date,
    endsOn: date.nullable(),
    primaryNeedCode: z.string().nullable(),
    closureReasonCode: z.string().nullable(),
    leadPractitioner: z.string().nullable(),
    leadAgency: z.string().nullable(),
    planCategories: z.array(z.string()),
    referralId: z.uuid().nullable(),
    steppedFromEpisodeId: z.uuid().nullable(),
    recordedBy,
    version: z.number().int().describe('Send as expectedVersion when ending the episode'),
  })
  .meta({ id: 'Episode' });
const stepSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(protectionStepKindList),
    heldOn: date,
    whoTookPart: z.string().nullable(),
    decision: z.string(),
    outcome: z.string(),
    meetingId: z.uuid().nullable(),
    recordedBy,
  })
  .meta({ id: 'ChildProtectionStepRecorded' });
const closureSchema = z
  .object({
    id: z.uuid(),
    closedOn: date,
    reasonCode: z.string(),
    summaryToFamily: z.string(),
    reasonToGoOn: z.string().nullable(),
    recordedBy,
  })
  .meta({ id: 'CaseClosureRecorded' });
const journeySchema = z
  .object({
    childId: z.uuid(),
    status: z.enum(['open', 'closed', 'new']),
    assessmentDueOn: date.nullable().describe('45 working days from the latest referral, while its assessment is open'),
    childProtectionPlanSince: date.nullable(),
    initialConferenceDueOn: date.nullable(),
    reviewConferenceDueOn: date.nullable(),
    lastClosedOn: date.nullable(),
    referrals: z.array(referralSchema),
    episodes: z.array(episodeSchema),
    childProtection: z.array(stepSchema),
    closures: z.array(closureSchema),
  })
  .meta({ id: 'Journey' });

/** A row as the schema gives it: the schema's fields, and who recorded it by name. */
const presentAs =
  <Schema extends z.ZodObject>(schema: Schema) =>
  (row: object & { recordedByLabel: string }): z.infer<Schema> =>
    ({
      ...Object.fromEntries(Object.keys(schema.shape).map((key) => [key, (row as Record<string, unknown>)[key]])),
      recordedBy: row.recordedByLabel,
    }) as z.infer<Schema>;
const presentReferral = presentAs(referralSchema);
const presentEpisode = presentAs(episodeSchema);
const presentStep = presentAs(stepSchema);
const presentClosure = presentAs(closureSchema);

const notFound = 'There is no child’s record (or part of it) with that id that you may see.';

/** The service's answer as the API gives it: 404, 422 naming the field, 409 when stale, or the saved row. */
function answer<Saved extends { outcome: string }>(
  request: FastifyRequest,
  reply: FastifyReply,
  saved: Saved,
  present: (saved: Saved) => unknown,
  status = 201,
) {
  if (saved.outcome === 'not_found') return answerNotFound(reply, request, notFound);
  if (saved.outcome === 'invalid' && 'field' in saved && 'message' in saved) {
    return answerInvalid(reply, request, [{ field: String(saved.field), message: String(saved.message) }]);
  }
  if (saved.outcome === 'conflict') {
    return answerConflict(reply, request, 'Someone else saved this since you read it. Nothing was saved.');
  }
  if (saved.outcome === 'needs_reason') {
    return answerInvalid(reply, request, [
      {
        field: 'reasonToGoOn',
        message:
          'Plan actions are still open or an assessment is not signed off: give the reason to close the case now',
      },
    ]);
  }
  return reply.status(status).send(present(saved));
}

export function registerEpisodesApiRoutes(app: FastifyInstance, database: Database): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const call = serviceCaller(database);
  const change = { permission: 'child_record.change' } as const;
  const tags = ['episodes'];
  const problems = [404, 422] as const;

  routes.get(
    paths.api.all.pattern,
    apiRoute({
      summary:
        'A child’s journey: referrals and assessments, episodes of help, child protection, closures, and what is due',
      tags,
      access: { permission: 'child_record.view' },
      audit: 'child_record.view',
      params: childParams,
      responses: { 200: journeySchema },
      problems: [404],
    }),
    async (request, reply) => {
      const found = await viewEpisodes(
        database,
        request.actor!,
        request.params.childId,
        requestSource(request),
        'episodes_api',
      );
      if (!found) return answerNotFound(reply, request, notFound);
      const { journey } = found;
      const referral = journey.currentReferral;
      return {
        childId: found.child.childId,
        status: journey.status,
        assessmentDueOn: journey.status === 'open' && referral && !referral.outcome ? referral.assessmentDueOn : null,
        childProtectionPlanSince: journey.childProtectionPlanSince,
        initialConferenceDueOn: journey.initialConferenceDueOn,
        reviewConferenceDueOn: journey.reviewConferenceDueOn,
        lastClosedOn: journey.lastClosedOn,
        referrals: found.referrals.map(presentReferral),
        episodes: found.episodes.map(presentEpisode),
        childProtection: found.steps.map(presentStep),
        closures: found.closures.map(presentClosure),
      };
    },
  );

  routes.post(
    paths.api.referrals.pattern,
    apiRoute({
      summary: 'Record a referral: the assessment’s clock (45 working days) starts on its date',
      tags,
      access: change,
      audit: 'episodes.referral_recorded',
      params: childParams,
      body: newReferralSchema,
      responses: { 201: referralSchema },
      problems,
    }),
    async (request, reply) =>
      answer(request, reply, await call(request, recordReferral, request.params.childId, request.body), (saved) =>
        'referral' in saved && saved.referral ? presentReferral(saved.referral) : null,
      ),
  );

  routes.put(
    paths.api.outcome.pattern,
    apiRoute({
      summary: 'Record what the assessment of a referral led to, with the factors identified (409 if stale)',
      tags,
      access: change,
      audit: 'episodes.assessment_outcome_recorded',
      params: childParams.extend({ referralId: z.string().max(64) }),
      body: assessmentOutcomeSchema.extend({ expectedVersion: z.number().int().min(1) }),
      responses: { 200: referralSchema },
      problems: [404, 409, 422],
    }),
    async (request, reply) => {
      const { childId, referralId } = request.params;
      const saved = await call(request, recordAssessmentOutcome, childId, referralId, request.body);
      return answer(
        request,
        reply,
        saved,
        (done) => ('referral' in done && done.referral ? presentReferral(done.referral) : null),
        200,
      );
    },
  );

  routes.post(
    paths.api.episodes.pattern,
    apiRoute({
      summary:
        'Start an episode of help (no overlap with an open one of its kind), or step up or down from an open one',
      tags,
      access: change,
      audit: 'episodes.episode_started',
      params: childParams,
      body: newEpisodeSchema,
      responses: { 201: episodeSchema },
      problems,
    }),
    async (request, reply) =>
      answer(request, reply, await call(request, startEpisode, request.params.childId, request.body), (saved) =>
        'episode' in saved && saved.episode ? presentEpisode(saved.episode) : null,
      ),
  );

  routes.put(
    paths.api.end.pattern,
    apiRoute({
      summary: 'End an episode of help with its reason-for-closure code (409 if stale)',
      tags,
      access: change,
      audit: 'episodes.episode_ended',
      params: childParams.extend({ episodeId: z.string().max(64) }),
      body: endEpisodeSchema.extend({ expectedVersion: z.number().int().min(1) }),
      responses: { 200: episodeSchema },
      problems: [404, 409, 422],
    }),
    async (request, reply) => {
      const { childId, episodeId } = request.params;
      const saved = await call(request, endEpisode, childId, episodeId, request.body);
      return answer(
        request,
        reply,
        saved,
        (done) => ('episode' in done && done.episode ? presentEpisode(done.episode) : null),
        200,
      );
    },
  );

  routes.post(
    paths.api.steps.pattern,
    apiRoute({
      summary:
        'Record a step of child protection: strategy discussion, section 47 enquiry, initial or review conference (a plan starts or ends with its conference)',
      tags,
      access: change,
      audit: 'episodes.protection_step_recorded',
      params: childParams,
      body: protectionStepSchema,
      responses: { 201: stepSchema },
      problems,
    }),
    async (request, reply) =>
      answer(
        request,
        reply,
        await call(request, recordProtectionStep, request.params.childId, request.body),
        (saved) => ('step' in saved && saved.step ? presentStep(saved.step) : null),
      ),
  );

  routes.post(
    paths.api.closure.pattern,
    apiRoute({
      summary:
        'Close the case: open episodes end, the closing summary to the family is kept (422 while work is open without a reason)',
      tags,
      access: { permission: 'case.close' },
      audit: 'episodes.case_closed',
      params: childParams,
      body: closeCaseSchema,
      responses: { 201: closureSchema },
      problems,
    }),
    async (request, reply) =>
      answer(request, reply, await call(request, closeCase, request.params.childId, request.body), (saved) =>
        'closure' in saved && saved.closure ? presentClosure(saved.closure) : null,
      ),
  );
}
