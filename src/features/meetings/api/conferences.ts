/**
 * In the JSON API: a meeting's action made a plan action, offers of a family meeting and the
 * family's answers, the coordinator's conferences, and the council's counts.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { FeatureContext } from '../../../platform/features/feature.js';
import { sendProblem } from '../../../platform/http/problem.js';
import { answerNoContent, apiSecurity, problemResponses } from '../../../platform/http/api-answers.js';
import { isoDate, optionalIsoDate } from '../../../platform/http/dates.js';
import { requestSource } from '../../../platform/http/request-source.js';
import { meetingPaths } from '../paths.js';
import { ownerCircles } from '../../plans/index.js';
import { conferenceStages, offerResponses } from '../schema.js';
import {
  addActionToPlan,
  coordinatorsConferences,
  familyMeetingCounts,
  offerFamilyMeeting,
  recordOfferAnswer,
} from '../service.js';
import {
  actionParams,
  api,
  change,
  childParams,
  countsSchema,
  offerParams,
  refusal,
  requiredText,
  text,
} from './schemas.js';

export function registerConferenceApi(app: FastifyInstance, { database }: Pick<FeatureContext, 'database'>): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const { tags } = api;

  const inPlanSchema = z
    .object({
      planId: z.uuid(),
      planActionId: z.string(),
      alreadyInPlan: z.boolean().describe('True when an earlier call (or the family plan) had already added it'),
    })
    .meta({ id: 'MeetingActionInPlan' });
  routes.post(
    meetingPaths.api.actionToPlan.pattern,
    {
      schema: {
        summary: 'Make a meeting’s action an action of one of the child’s plans, with the meeting kept as its source',
        description:
          'Once only: when a plan already holds the action, answers 200 with where it is and changes nothing. 409 when the plan changed since expectedVersion; 422 when the child has no plan yet, or the plan, goal or owner’s circle is not right.',
        tags,
        security: apiSecurity,
        params: actionParams,
        body: z
          .object({
            planId: z.uuid().describe('One of the child’s plans'),
            goalId: requiredText(64)
              .nullable()
              .default(null)
              .describe('One of the plan’s goals; null for the whole plan'),
            expectedVersion: z.number().int().min(1).describe('The plan’s version you read'),
            ownerCircle: z
              .enum(ownerCircles)
              .optional()
              .describe(
                'Whether the owner is family, network or a professional; found from the child’s network when left out',
              ),
          })
          .meta({ id: 'MeetingActionToPlan' }),
        response: {
          200: inPlanSchema,
          201: inPlanSchema,
          ...problemResponses(404, 409, 422),
        },
      },
      config: { access: change, audit: 'meeting.action_to_plan' },
    },
    async (request, reply) => {
      const { childId, meetingId, actionId } = request.params;
      const result = await addActionToPlan(
        database,
        request.actor!,
        childId,
        meetingId,
        actionId,
        request.body,
        requestSource(request),
      );
      switch (result.outcome) {
        case 'added':
          return reply
            .status(201)
            .send({ planId: result.planId, planActionId: result.planActionId, alreadyInPlan: false });
        case 'already_in_plan':
          return reply
            .status(200)
            .send({ planId: result.planId, planActionId: result.planActionId, alreadyInPlan: true });
        case 'no_plan':
          return sendProblem(
            reply,
            request,
            422,
            'The child has no plan yet: start one (POST /api/v1/children/{childId}/plans), then add the action to it.',
            { errors: [{ pointer: '/planId', detail: 'The child has no plan yet' }] },
          );
        case 'not_found':
        case 'conflict':
        case 'invalid':
          return refusal(reply, request, result)!;
      }
    },
  );

  routes.post(
    meetingPaths.api.offers.pattern,
    {
      schema: {
        summary: 'Record that a family group decision-making meeting was offered, and before which decision',
        tags,
        security: apiSecurity,
        params: childParams,
        body: z
          .object({ offeredOn: isoDate(), beforeDecision: requiredText(500) })
          .meta({ id: 'NewFamilyMeetingOffer' }),
        response: { 201: z.object({ offerId: z.uuid() }), ...problemResponses(404, 422) },
      },
      config: { access: change, audit: 'meeting.offer' },
    },
    async (request, reply) => {
      const result = await offerFamilyMeeting(
        database,
        request.actor!,
        request.params.childId,
        request.body,
        requestSource(request),
      );
      if (result.outcome !== 'saved') return refusal(reply, request, result)!;
      return reply.status(201).send({ offerId: result.offerId });
    },
  );

  routes.put(
    meetingPaths.api.offer.pattern,
    {
      schema: {
        summary: 'Record the family’s answer to an offer (a no needs their reason)',
        tags,
        security: apiSecurity,
        params: offerParams,
        body: z
          .object({
            response: z.enum(offerResponses),
            respondedOn: optionalIsoDate(),
            familyReason: text(2000),
          })
          .meta({ id: 'FamilyMeetingAnswer' }),
        response: { 204: z.null(), ...problemResponses(404, 422) },
      },
      config: { access: change, audit: 'meeting.offer_answer' },
    },
    async (request, reply) => {
      const { childId, offerId } = request.params;
      const result = await recordOfferAnswer(
        database,
        request.actor!,
        childId,
        offerId,
        request.body,
        requestSource(request),
      );
      return refusal(reply, request, result) ?? answerNoContent(reply);
    },
  );

  routes.get(
    meetingPaths.api.conferences.pattern,
    {
      schema: {
        summary: 'The family group conferences you coordinate, with their stage and what is waiting',
        tags,
        security: apiSecurity,
        response: {
          200: z.object({
            conferences: z.array(
              z
                .object({
                  meetingId: z.uuid(),
                  childId: z.uuid(),
                  childName: z.string(),
                  heldOn: z.string(),
                  stage: z.enum(conferenceStages),
                  waiting: z.array(z.string()),
                })
                .meta({ id: 'CoordinatedConference' }),
            ),
          }),
        },
      },
      config: { access: { permission: 'conferences.coordinate' }, audit: 'conference.list' },
    },
    async (request) => {
      const list = await coordinatorsConferences(database, request.actor!, requestSource(request));
      return {
        conferences: list.map(({ meeting, child, waiting }) => ({
          meetingId: meeting.id,
          childId: child.childId,
          childName: child.fullName,
          heldOn: meeting.heldOn,
          stage: meeting.stage!,
          waiting,
        })),
      };
    },
  );

  routes.get(
    meetingPaths.api.counts.pattern,
    {
      schema: {
        summary: 'Offers and outcomes of family group decision-making across the council, for the census',
        tags,
        security: apiSecurity,
        response: { 200: countsSchema },
      },
      config: { access: { permission: 'family_meetings.count' }, audit: 'family_meeting.counts' },
    },
    async (request) => familyMeetingCounts(database, request.actor!, requestSource(request)),
  );
}
