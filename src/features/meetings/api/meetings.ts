/**
 * A child's meetings in the JSON API: listing and planning them, one meeting, what happened,
 * who is invited, decisions, actions, each stage of a conference, and withdrawing an invitation.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { forInvitees } from '../routes/access.js';
import { z } from 'zod';
import type { FeatureContext } from '../../../platform/features/feature.js';
import { answerNoContent, answerNotFound } from '../../../platform/http/api-answers.js';
import { apiRoute, serviceCaller } from '../../../platform/http/api-route.js';
import { isoDate } from '../../../platform/http/dates.js';
import { meetingPaths } from '../paths.js';
import { inviteeCircles, meetingKinds } from '../schema.js';
import {
  addAction,
  addDecision,
  inviteSomeone,
  meetingsSection,
  openMeeting,
  planMeeting,
  recordStage,
  recordWhatHappened,
  withdrawInvitation,
} from '../service.js';
import {
  api,
  change,
  childParams,
  inviteeParams,
  meetingParams,
  meetingSchema,
  notFound,
  offerSchema,
  presentMeeting,
  refusal,
  requiredText,
  stages,
  text,
  view,
} from './schemas.js';

export function registerMeetingApi(app: FastifyInstance, { database }: Pick<FeatureContext, 'database'>): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const call = serviceCaller(database);
  const { tags } = api;

  routes.get(
    meetingPaths.api.meetings.pattern,
    apiRoute({
      summary: 'A child’s meetings, newest first (for a family member: the ones they are invited to)',
      tags,
      access: view,
      audit: 'meeting.list',
      audiences: forInvitees,
      params: childParams,
      responses: {
        200: z.object({ meetings: z.array(meetingSchema), offers: z.array(offerSchema) }),
      },
      problems: [404],
    }),
    async (request, reply) => {
      const section = await call(request, meetingsSection, request.params.childId);
      if (!section) return answerNotFound(reply, request, notFound);
      return {
        meetings: section.meetings.map((meeting) => presentMeeting(meeting, meeting.invitees, meeting.actionsInPlans)),
        offers: section.offers.map((offer) => ({
          id: offer.id,
          offeredOn: offer.offeredOn,
          beforeDecision: offer.beforeDecision,
          response: offer.response,
          respondedOn: offer.respondedOn,
          familyReason: offer.familyReason,
        })),
      };
    },
  );

  routes.post(
    meetingPaths.api.meetings.pattern,
    apiRoute({
      summary: 'Plan a meeting (a family group conference needs an independent coordinator)',
      tags,
      access: change,
      audit: 'meeting.plan',
      params: childParams,
      body: z
        .object({
          kind: z.enum(meetingKinds),
          heldOn: requiredText(10).describe(
            'YYYY-MM-DD (a blank or impossible date is refused with 422 by the meeting’s own rules)',
          ),
          startsAt: text(5).describe('HH:MM, UK time'),
          endsAt: text(5),
          place: requiredText(500),
          purpose: text(2000),
          coordinatorUserId: z.uuid().optional(),
          offerId: z.uuid().optional(),
          reviewOfMeetingId: z.uuid().optional(),
        })
        .meta({ id: 'NewMeeting' }),
      responses: { 201: z.object({ meetingId: z.uuid() }) },
      problems: [404, 422],
    }),
    async (request, reply) => {
      const result = await call(request, planMeeting, request.params.childId, request.body);
      if (result.outcome !== 'saved') return refusal(reply, request, result)!;
      return reply.status(201).send({ meetingId: result.meetingId });
    },
  );

  routes.get(
    meetingPaths.api.meeting.pattern,
    apiRoute({
      summary: 'One meeting: who was invited and came, what was shared, decisions, actions and stages',
      tags,
      access: view,
      audit: 'meeting.view',
      audiences: forInvitees,
      params: meetingParams,
      responses: { 200: meetingSchema },
      problems: [404],
    }),
    async (request, reply) => {
      const { childId, meetingId } = request.params;
      const opened = await call(request, openMeeting, childId, meetingId);
      if (!opened) return answerNotFound(reply, request, notFound);
      return presentMeeting(opened.meeting, opened.invitees, opened.actionsInPlans);
    },
  );

  routes.patch(
    meetingPaths.api.meeting.pattern,
    apiRoute({
      summary: 'Record how the child took part, what was shared and the professionals’ notes',
      tags,
      access: change,
      audit: 'meeting.record',
      params: meetingParams,
      body: z
        .object({
          version: z.number().int(),
          childPreference: text(2000),
          howChildTookPart: text(4000),
          whatWasShared: text(8000),
          professionalNotes: text(8000),
        })
        .meta({ id: 'WhatHappened' }),
      responses: { 204: z.null() },
      problems: [404, 409, 422],
    }),
    async (request, reply) => {
      const { childId, meetingId } = request.params;
      const { version, ...body } = request.body;
      const result = await call(request, recordWhatHappened, childId, meetingId, body, version);
      return refusal(reply, request, result) ?? answerNoContent(reply);
    },
  );

  routes.post(
    meetingPaths.api.invitees.pattern,
    apiRoute({
      summary: 'Invite someone from the child’s world (personId) or by name',
      tags,
      access: change,
      audit: 'meeting.invite',
      params: meetingParams,
      body: z
        .object({
          personId: z.uuid().optional(),
          name: text(200),
          relationship: text(200),
          circle: z.enum(inviteeCircles).optional(),
        })
        .meta({ id: 'NewInvitee' }),
      responses: {
        201: z.object({ inviteeId: z.uuid() }),
      },
      problems: [404, 409, 422],
    }),
    async (request, reply) => {
      const { childId, meetingId } = request.params;
      const result = await call(request, inviteSomeone, childId, meetingId, request.body);
      if (result.outcome !== 'saved') return refusal(reply, request, result)!;
      return reply.status(201).send({ inviteeId: result.inviteeId });
    },
  );

  routes.post(
    meetingPaths.api.decisions.pattern,
    apiRoute({
      summary: 'Record a decision with its reason',
      tags,
      access: change,
      audit: 'meeting.decision',
      params: meetingParams,
      body: z.object({ decision: requiredText(2000), reason: requiredText(2000) }).meta({ id: 'NewDecision' }),
      responses: { 204: z.null() },
      problems: [404, 409, 422],
    }),
    async (request, reply) => {
      const { childId, meetingId } = request.params;
      const result = await call(request, addDecision, childId, meetingId, request.body);
      return refusal(reply, request, result) ?? answerNoContent(reply);
    },
  );

  routes.post(
    meetingPaths.api.actions.pattern,
    apiRoute({
      summary: 'Record an action: what will happen, who will do it, by when',
      tags,
      access: change,
      audit: 'meeting.action',
      params: meetingParams,
      body: z
        .object({
          whatWillHappen: requiredText(2000),
          ownerName: requiredText(200),
          dueOn: isoDate(),
          forThePlan: z.boolean().optional(),
        })
        .meta({ id: 'NewMeetingAction' }),
      responses: { 204: z.null() },
      problems: [404, 409, 422],
    }),
    async (request, reply) => {
      const { childId, meetingId } = request.params;
      const result = await call(request, addAction, childId, meetingId, request.body);
      return refusal(reply, request, result) ?? answerNoContent(reply);
    },
  );

  for (const stage of stages) {
    routes.put(
      stage.path.pattern,
      apiRoute({
        summary: stage.summary,
        description:
          'Each stage needs the ones before it (422 otherwise). The body holds the version read and exactly this stage’s fields: a field of another stage is refused with 400, naming it.',
        tags,
        access: change,
        audit: stage.audit,
        params: meetingParams,
        body: stage.body,
        responses: {
          200: z.object({ planId: z.uuid().nullable() }),
        },
        problems: [400, 404, 409, 422],
      }),
      async (request, reply) => {
        const { childId, meetingId } = request.params;
        const { version, ...body } = request.body;
        const result = await call(request, recordStage, childId, meetingId, stage.part, body, version);
        if (result.outcome !== 'saved') return refusal(reply, request, result)!;
        return { planId: result.planId };
      },
    );
  }

  routes.post(
    meetingPaths.api.withdrawal.pattern,
    apiRoute({
      summary: 'Withdraw an invitation before the meeting is held; it stays in the meeting’s record, marked withdrawn',
      description:
        'Refused with 422 when the person came, the invitation is already withdrawn, or the meeting has been held.',
      tags,
      access: change,
      audit: 'meeting.invitation_withdrawn',
      params: inviteeParams,
      body: z
        .object({ reason: text(2000).describe('Why, in plain words: “invited by mistake”') })
        .meta({ id: 'InvitationWithdrawal' }),
      responses: { 204: z.null() },
      problems: [404, 409, 422],
    }),
    async (request, reply) => {
      const { childId, meetingId, inviteeId } = request.params;
      const result = await call(request, withdrawInvitation, childId, meetingId, inviteeId, request.body);
      return refusal(reply, request, result) ?? answerNoContent(reply);
    },
  );
}
