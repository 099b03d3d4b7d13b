/**
 * In the JSON API: a meeting's action made a plan action, offers of a family meeting and the
 * family's answers, the coordinator's conferences, and the council's counts.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { FeatureContext } from '../../../platform/features/feature.js';
import { sendProblem } from '../../../platform/http/problem.js';
import { answerNoContent } from '../../../platform/http/api-answers.js';
import { apiRoute, serviceCaller } from '../../../platform/http/api-route.js';
import { isoDate, optionalIsoDate } from '../../../platform/http/dates.js';
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
  const call = serviceCaller(database);
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
    apiRoute({
      summary: 'Make a meeting’s action an action of one of the child’s plans, with the meeting kept as its source',
      description:
        'Once only: when a plan already holds the action, answers 200 with where it is and changes nothing. 409 when the plan changed since expectedVersion; 422 when the child has no plan yet, or the plan, goal or owner’s circle is not right.',
      tags,
      access: change,
      audit: 'meeting.action_to_plan',
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
      responses: {
        200: inPlanSchema,
        201: inPlanSchema,
      },
      problems: [404, 409, 422],
    }),
    async (request, reply) => {
      const { childId, meetingId, actionId } = request.params;
      const result = await call(request, addActionToPlan, childId, meetingId, actionId, request.body);
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
    apiRoute({
      summary: 'Record that a family group decision-making meeting was offered, and before which decision',
      tags,
      access: change,
      audit: 'meeting.offer',
      params: childParams,
      body: z.object({ offeredOn: isoDate(), beforeDecision: requiredText(500) }).meta({ id: 'NewFamilyMeetingOffer' }),
      responses: { 201: z.object({ offerId: z.uuid() }) },
      problems: [404, 422],
    }),
    async (request, reply) => {
      const result = await call(request, offerFamilyMeeting, request.params.childId, request.body);
      if (result.outcome !== 'saved') return refusal(reply, request, result)!;
      return reply.status(201).send({ offerId: result.offerId });
    },
  );

  routes.put(
    meetingPaths.api.offer.pattern,
    apiRoute({
      summary: 'Record the family’s answer to an offer (a no needs their reason)',
      tags,
      access: change,
      audit: 'meeting.offer_answer',
      params: offerParams,
      body: z
        .object({
          response: z.enum(offerResponses),
          respondedOn: optionalIsoDate(),
          familyReason: text(2000),
        })
        .meta({ id: 'FamilyMeetingAnswer' }),
      responses: { 204: z.null() },
      problems: [404, 422],
    }),
    async (request, reply) => {
      const { childId, offerId } = request.params;
      const result = await call(request, recordOfferAnswer, childId, offerId, request.body);
      return refusal(reply, request, result) ?? answerNoContent(reply);
    },
  );

  routes.get(
    meetingPaths.api.conferences.pattern,
    apiRoute({
      summary: 'The family group conferences you coordinate, with their stage and what is waiting',
      tags,
      access: { permission: 'conferences.coordinate' },
      audit: 'conference.list',
      responses: {
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
    }),
    async (request) => {
      const list = await call(request, coordinatorsConferences);
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
    apiRoute({
      summary: 'Offers and outcomes of family group decision-making across the council, for the census',
      tags,
      access: { permission: 'family_meetings.count' },
      audit: 'family_meeting.counts',
      responses: { 200: countsSchema },
    }),
    async (request) => call(request, familyMeetingCounts),
  );
}
